#include "social/demo/demo_community.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_set>

#include "core/secrets.h"
#include "social/demo/demo_content.h"
#include "social/demo/vocabulary.h"
#include "store/member_repository.h"
#include "store/tie_repository.h"

namespace kring::social::demo {

namespace {

constexpr Micros kDay = 86'400LL * 1'000'000;
// The demo reads as an instance that has run for a while up to the moment it
// is loaded: nothing is dated in the future, and everything is dated
// relative to that moment, so that the same seed gives the same community
// (the same distances from now) on every machine and every day.
constexpr Micros kHistory = kDemoHistory;
// Shares of the members who have no tie at all, one tie only, or ties in a
// second community (DemoPosition). A few percent of a neighbourhood or care
// network is isolated (the people a host most wants to reach), a larger
// fringe knows one person; bridges are rare and matter for that reason.
constexpr double kIsolateShare = 0.03;
constexpr double kPendantShare = 0.08;
constexpr double kBridgeShare = 0.03;
// Of an embedded member's ties, the share inside their own community.
constexpr double kLocalShare = 0.95;

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::mt19937_64& engine() { return engine_; }
  // Uniform integer in [0, n). Modulo bias is irrelevant for demo data.
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  // Pareto with minimum 1 and tail index alpha.
  double pareto(double alpha) { return std::pow(1.0 - unit(), -1.0 / alpha); }
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// Weighted choice by binary search over cumulative weights.
struct WeightedPool {
  std::vector<std::uint32_t> members;
  std::vector<double> cumulative;
  std::uint32_t draw(Random& rng) const {
    double x = rng.unit() * cumulative.back();
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    size_t i = std::min(static_cast<size_t>(it - cumulative.begin()), members.size() - 1);
    return members[i];
  }
};

struct PlannedMember {
  store::NewMember row;
  std::uint32_t community = 0;
  std::uint32_t second_community = 0;  // a bridge's other community
  DemoPosition position = DemoPosition::kEmbedded;
  double activity = 1.0;
};

struct PlannedTie {
  std::uint32_t source, target;
  store::TieKind kind;
  store::TieState state;
  Micros at;
};

// Members in the order they joined, the first on the day the instance
// began (the instance admin); more join as time goes on.
std::vector<PlannedMember> plan_members(int n, Random& rng, const std::string& password_hash,
                                        Micros now, std::vector<DemoCommunity>& communities) {
  int community_count = std::max(1, n / 60);
  auto place_list = places();
  std::vector<double> community_cumulative;
  double total = 0;
  for (int c = 0; c < community_count; ++c) {
    total += 1.0 / std::pow(c + 1.0, 0.8);  // Zipf-like community sizes
    community_cumulative.push_back(total);
  }
  auto themes = skill_themes();
  for (int c = 0; c < community_count; ++c) {
    communities.push_back({themes[static_cast<size_t>(c) % themes.size()].name,
                           place_list[static_cast<size_t>(c) * 7 % place_list.size()]});
  }
  std::unordered_set<std::string> handles;
  std::vector<PlannedMember> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    PlannedMember& m = out[static_cast<size_t>(i)];
    double x = rng.unit() * total;
    m.community = static_cast<std::uint32_t>(
        std::upper_bound(community_cumulative.begin(), community_cumulative.end(), x) -
        community_cumulative.begin());
    m.community =
        std::min<std::uint32_t>(m.community, static_cast<std::uint32_t>(community_count - 1));
    m.activity = std::min(rng.pareto(2.1), 200.0);
    std::string_view first = rng.pick(first_names());
    std::string_view last = rng.pick(last_names());
    std::string base = slug(first) + "_" + slug(last);
    base = base.substr(0, 24);
    std::string handle = base;
    for (int k = 2; !handles.insert(handle).second; ++k) handle = base + std::to_string(k);
    store::NewMember& row = m.row;
    row.handle = handle;
    row.email = handle + "@demo.kring.example";
    row.password_hash = password_hash;
    // u^(1/1.5) leans towards now: two thirds joined in the last nine months.
    row.created_at =
        now - kHistory +
        static_cast<Micros>(std::pow(rng.unit(), 1 / 1.5) * static_cast<double>(kHistory));
    Profile& p = row.profile;
    p.display_name = std::string(first) + " " + std::string(last);
    const SkillTheme& theme = themes[m.community % themes.size()];
    size_t skill_count = 2 + rng.below(3);
    std::unordered_set<std::string_view> chosen;
    while (chosen.size() < skill_count) chosen.insert(rng.pick(theme.skills));
    if (rng.chance(0.4)) chosen.insert(rng.pick(rng.pick(themes).skills));
    for (auto s : chosen) p.skills.emplace_back(s);
    std::sort(p.skills.begin(), p.skills.end());
    std::unordered_set<std::string_view> liked;
    size_t interest_count = 2 + rng.below(3);
    while (liked.size() < interest_count) liked.insert(rng.pick(interests()));
    for (auto s : liked) p.interests.emplace_back(s);
    std::sort(p.interests.begin(), p.interests.end());
    p.home_place = place_name(place_list[(m.community * 7 + rng.below(2)) % place_list.size()]);
    p.bio = std::string(first) + " from " + p.home_place + ". Ask me about " + p.skills[0] +
            " or " + p.skills[1] + ".";
    p.visibility.fill(Visibility::kPublic);
    p.visibility[static_cast<size_t>(ProfileField::kHomePlace)] = Visibility::kMembers;
    if (rng.chance(0.1))
      p.visibility[static_cast<size_t>(ProfileField::kBio)] = Visibility::kMembers;
    if (rng.chance(0.05)) {
      p.visibility[static_cast<size_t>(ProfileField::kSkills)] = Visibility::kConnections;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PlannedMember& a, const PlannedMember& b) {
    return a.row.created_at < b.row.created_at;
  });
  out.front().row.created_at = now - kHistory;
  return out;
}

// Picks the isolates, pendants and bridges among all but the first two
// members (the admin and the analyst, who log in to a network around them).
void assign_positions(std::vector<PlannedMember>& members, size_t community_count, Random& rng) {
  size_t n = members.size();
  std::vector<size_t> order;
  for (size_t i = 2; i < n; ++i) order.push_back(i);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  auto share = [&](double s) {
    return order.empty() ? size_t{0} : std::max<size_t>(1, std::lround(s * static_cast<double>(n)));
  };
  size_t isolates = share(kIsolateShare), pendants = share(kPendantShare);
  size_t bridges = community_count > 1 ? share(kBridgeShare) : 0;
  size_t k = 0;
  auto take = [&](size_t count, DemoPosition position) {
    for (size_t end = std::min(order.size(), k + count); k < end; ++k) {
      PlannedMember& m = members[order[k]];
      m.position = position;
      // The fringe is quiet; a bridge's second community is any other one.
      if (position != DemoPosition::kBridge) m.activity = 1.0;
      if (position == DemoPosition::kBridge) {
        m.second_community = static_cast<std::uint32_t>(
            (m.community + 1 + rng.below(community_count - 1)) % community_count);
      }
    }
  };
  take(isolates, DemoPosition::kIsolate);
  take(pendants, DemoPosition::kPendant);
  take(bridges, DemoPosition::kBridge);
}

std::vector<PlannedTie> plan_ties(const std::vector<PlannedMember>& members, size_t community_count,
                                  Micros now, Random& rng) {
  std::uint32_t n = static_cast<std::uint32_t>(members.size());
  // Only embedded members and bridges are sought out; a bridge in both of
  // its communities. Pendants and isolates stay where they are.
  std::vector<WeightedPool> pools(community_count);
  WeightedPool everyone;
  auto add = [&](WeightedPool& pool, std::uint32_t i) {
    pool.members.push_back(i);
    pool.cumulative.push_back((pool.cumulative.empty() ? 0 : pool.cumulative.back()) +
                              members[i].activity);
  };
  std::vector<std::uint32_t> pendants;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& m = members[i];
    if (m.position == DemoPosition::kPendant) pendants.push_back(i);
    if (m.position != DemoPosition::kEmbedded && m.position != DemoPosition::kBridge) continue;
    add(pools[m.community], i);
    if (m.position == DemoPosition::kBridge) add(pools[m.second_community], i);
    add(everyone, i);
  }
  // A tie made some time after the later of the two joined, by now at the latest.
  auto tie_time = [&](std::uint32_t i, std::uint32_t j) {
    Micros later = std::max(members[i].row.created_at, members[j].row.created_at);
    Micros room = std::min(90 * kDay, now - later);
    return later + static_cast<Micros>(rng.unit() * static_cast<double>(room));
  };
  // Each member starts ~activity*2.5 ties; with incoming ties by activity
  // the mean total degree lands near 10, as in the benchmarks' graphs.
  std::vector<PlannedTie> ties;
  ties.reserve(static_cast<size_t>(n) * 6);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& m = members[i];
    if (m.position != DemoPosition::kEmbedded && m.position != DemoPosition::kBridge) continue;
    int wanted =
        std::min<int>(static_cast<int>(n) - 1, static_cast<int>(std::lround(m.activity * 2.5)));
    const WeightedPool& home = pools[m.community];
    for (int k = 0; k < wanted; ++k) {
      const WeightedPool* pool = &everyone;
      if (m.position == DemoPosition::kBridge) {
        pool = rng.chance(0.5) ? &pools[m.second_community] : &home;
      } else if (home.members.size() > 1 && rng.chance(kLocalShare)) {
        pool = &home;
      }
      std::uint32_t j = pool->draw(rng);
      if (j == i) continue;
      Micros at = tie_time(i, j);
      bool same = members[j].community == m.community;
      double r = rng.unit();
      if (r < (same ? 0.35 : 0.12)) {
        std::uint32_t a = std::min(i, j), b = std::max(i, j);
        ties.push_back({a, b, store::TieKind::kConnection, store::TieState::kAccepted, at});
      } else if (r < (same ? 0.37 : 0.13)) {
        ties.push_back({i, j, store::TieKind::kConnection, store::TieState::kPending, at});
      } else {
        ties.push_back({i, j, store::TieKind::kFollow, store::TieState::kAccepted, at});
        if (rng.chance(0.3)) {
          ties.push_back({j, i, store::TieKind::kFollow, store::TieState::kAccepted, at});
        }
      }
    }
  }
  // A pendant's one tie: to someone of their community, or now and then to
  // another pendant, the two only knowing each other (a small component
  // apart from the rest, which the network screens count as peripheral).
  for (size_t k = 0; k < pendants.size(); ++k) {
    std::uint32_t i = pendants[k];
    std::uint32_t j = 0;
    if (k + 1 < pendants.size() && rng.chance(0.2)) {
      j = pendants[++k];
    } else {
      const WeightedPool& home = pools[members[i].community];
      j = (home.members.empty() ? everyone : home).draw(rng);
    }
    if (rng.chance(0.5)) {
      ties.push_back({std::min(i, j), std::max(i, j), store::TieKind::kConnection,
                      store::TieState::kAccepted, tie_time(i, j)});
    } else {
      ties.push_back({i, j, store::TieKind::kFollow, store::TieState::kAccepted, tie_time(i, j)});
    }
  }
  // One tie per (source, target, kind); a pending request loses to an
  // accepted connection between the same pair.
  std::sort(ties.begin(), ties.end(), [](const PlannedTie& x, const PlannedTie& y) {
    auto key = [](const PlannedTie& t) {
      bool conn = t.kind == store::TieKind::kConnection;
      std::uint32_t a = conn ? std::min(t.source, t.target) : t.source;
      std::uint32_t b = conn ? std::max(t.source, t.target) : t.target;
      return std::tuple(a, b, static_cast<int>(t.kind), static_cast<int>(t.state) * -1);
    };
    return key(x) < key(y);
  });
  std::vector<PlannedTie> unique;
  unique.reserve(ties.size());
  for (const auto& t : ties) {
    if (!unique.empty()) {
      const auto& u = unique.back();
      bool conn = t.kind == store::TieKind::kConnection && u.kind == t.kind;
      bool same_pair = conn ? (std::min(u.source, u.target) == std::min(t.source, t.target) &&
                               std::max(u.source, u.target) == std::max(t.source, t.target))
                            : (u.source == t.source && u.target == t.target && u.kind == t.kind);
      if (same_pair) continue;
    }
    unique.push_back(t);
  }
  return unique;
}

}  // namespace

Result<DemoSummary> load_demo_community(store::Database& db, const DemoOptions& options) {
  if (options.members < 2 || options.members > 10'000'000) {
    return Error::invalid("invalid_members", "--members must be from 2 to 10000000");
  }
  auto report = [&](double f) {
    if (options.progress) options.progress(f);
  };
  DemoSummary summary;
  auto conn = db.lease();
  {
    store::Transaction tx(*conn, store::Transaction::Kind::kRead);
    if (store::MemberRepository(*conn).count() > 0) {
      summary.skipped = true;
      return summary;
    }
  }
  Random rng(options.seed);
  // All demo accounts share one argon2id hash (and so one salt): hashing a
  // million passwords would take a day, and demo accounts guard nothing.
  std::string hash = hash_password(kDemoPassword);
  Micros now = options.now;
  std::vector<DemoCommunity> communities;
  auto members = plan_members(options.members, rng, hash, now, communities);
  members[0].row.role = MemberRole::kAdmin;
  members[1].row.role = MemberRole::kAnalyst;
  assign_positions(members, communities.size(), rng);
  auto ties = plan_ties(members, communities.size(), now, rng);
  report(0.1);

  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::MemberRepository member_repo(*conn);
  std::vector<MemberId> ids(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    ids[i] = member_repo.insert(members[i].row);
    if (i % 10000 == 0)
      report(0.1 + 0.5 * static_cast<double>(i) / static_cast<double>(members.size()));
  }
  store::TieRepository tie_repo(*conn);
  for (size_t k = 0; k < ties.size(); ++k) {
    const auto& t = ties[k];
    MemberId a = ids[t.source], b = ids[t.target];
    tie_repo.insert(a, b, t.kind, t.state, t.at);
    if (t.kind == store::TieKind::kConnection && t.state == store::TieState::kAccepted) {
      tie_repo.insert(b, a, t.kind, t.state, t.at);
      ++summary.connections;
    } else if (t.kind == store::TieKind::kConnection) {
      ++summary.pending_requests;
    } else {
      ++summary.follows;
    }
    if (k % 50000 == 0)
      report(0.6 + 0.4 * static_cast<double>(k) / static_cast<double>(ties.size()));
  }
  std::vector<DemoMember> people;
  people.reserve(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& p = members[i].row.profile;
    people.push_back({ids[i], members[i].community, members[i].position, members[i].activity,
                      p.skills.front(), p.interests.front(), members[i].row.created_at});
  }
  auto content = load_demo_content(*conn, people, communities, now, rng.engine());
  summary.spaces = content.spaces;
  summary.items = content.items;
  summary.replies = content.replies;
  summary.reactions = content.reactions;
  summary.civic_slug = content.civic_slug;
  summary.ideas = content.ideas;
  summary.votes = content.votes;
  summary.reports = content.reports;
  summary.exchange = content.exchange;
  tx.commit();
  report(1.0);

  summary.members = static_cast<std::int64_t>(members.size());
  summary.admin_handle = members[0].row.handle;
  summary.analyst_handle = members[1].row.handle;
  // The most active of the others: members with a network around them.
  std::vector<size_t> order;
  for (size_t i = 2; i < members.size(); ++i) order.push_back(i);
  std::partial_sort(order.begin(), order.begin() + std::min<size_t>(3, order.size()), order.end(),
                    [&](size_t x, size_t y) { return members[x].activity > members[y].activity; });
  for (size_t k = 0; k < std::min<size_t>(3, order.size()); ++k) {
    summary.popular_handles.push_back(members[order[k]].row.handle);
  }
  return summary;
}

}  // namespace kring::social::demo
