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

// 2025-01-01T00:00:00Z: demo data is dated from a fixed point so the same
// seed gives the same database on every machine.
constexpr Micros kEpoch = 1735689600LL * 1'000'000;
constexpr Micros kTwoYears = 2LL * 365 * 24 * 3600 * 1'000'000;

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
  double activity = 1.0;
};

struct PlannedTie {
  std::uint32_t source, target;
  store::TieKind kind;
  store::TieState state;
  Micros at;
};

std::vector<PlannedMember> plan_members(int n, Random& rng, const std::string& password_hash) {
  int community_count = std::max(1, n / 60);
  std::vector<double> community_cumulative;
  double total = 0;
  for (int c = 0; c < community_count; ++c) {
    total += 1.0 / std::pow(c + 1.0, 0.8);  // Zipf-like community sizes
    community_cumulative.push_back(total);
  }
  auto themes = skill_themes();
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
    row.created_at = kEpoch + static_cast<Micros>(rng.below(static_cast<std::uint64_t>(kTwoYears)));
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
    auto place_list = places();
    p.home_place = std::string(place_list[(m.community * 7 + rng.below(2)) % place_list.size()]);
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
  return out;
}

std::vector<PlannedTie> plan_ties(const std::vector<PlannedMember>& members, Random& rng) {
  std::uint32_t n = static_cast<std::uint32_t>(members.size());
  std::vector<WeightedPool> pools;
  WeightedPool everyone;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& m = members[i];
    if (m.community >= pools.size()) pools.resize(m.community + 1);
    auto& pool = pools[m.community];
    pool.members.push_back(i);
    pool.cumulative.push_back((pool.cumulative.empty() ? 0 : pool.cumulative.back()) + m.activity);
    everyone.members.push_back(i);
    everyone.cumulative.push_back((everyone.cumulative.empty() ? 0 : everyone.cumulative.back()) +
                                  m.activity);
  }
  // Each member starts ~activity*2.5 ties; with incoming ties by activity
  // the mean total degree lands near 10, as in the benchmarks' graphs.
  std::vector<PlannedTie> ties;
  ties.reserve(static_cast<size_t>(n) * 6);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& m = members[i];
    int wanted =
        std::min<int>(static_cast<int>(n) - 1, static_cast<int>(std::lround(m.activity * 2.5)));
    const WeightedPool& home = pools[m.community];
    for (int k = 0; k < wanted; ++k) {
      bool local = home.members.size() > 1 && rng.chance(0.8);
      std::uint32_t j = (local ? home : everyone).draw(rng);
      if (j == i) continue;
      Micros at = std::max(m.row.created_at, members[j].row.created_at) +
                  static_cast<Micros>(rng.below(90ULL * 24 * 3600 * 1'000'000));
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
  auto members = plan_members(options.members, rng, hash);
  members[0].row.role = MemberRole::kAdmin;
  members[1].row.role = MemberRole::kAnalyst;
  auto ties = plan_ties(members, rng);
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
    people.push_back({ids[i], members[i].community, members[i].activity, p.skills.front(),
                      p.interests.front(), members[i].row.created_at});
  }
  auto content = load_demo_content(*conn, people, rng.engine());
  summary.spaces = content.spaces;
  summary.items = content.items;
  summary.replies = content.replies;
  summary.reactions = content.reactions;
  tx.commit();
  report(1.0);

  summary.members = static_cast<std::int64_t>(members.size());
  summary.admin_handle = members[0].row.handle;
  summary.analyst_handle = members[1].row.handle;
  std::vector<size_t> order(members.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::partial_sort(order.begin(), order.begin() + std::min<size_t>(3, order.size()), order.end(),
                    [&](size_t x, size_t y) { return members[x].activity > members[y].activity; });
  for (size_t k = 0; k < std::min<size_t>(3, order.size()); ++k) {
    summary.popular_handles.push_back(members[order[k]].row.handle);
  }
  return summary;
}

}  // namespace kring::social::demo
