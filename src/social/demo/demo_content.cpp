#include "social/demo/demo_content.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/item.h"
#include "core/kinds.h"
#include "social/demo/demo_civic.h"
#include "social/demo/demo_community.h"
#include "social/demo/demo_exchange.h"
#include "social/demo/vocabulary.h"
#include "social/markdown.h"
#include "social/secret_slug.h"
#include "store/item_repository.h"
#include "store/reaction_repository.h"
#include "store/reply_repository.h"
#include "store/space_repository.h"

namespace kring::social::demo {

namespace {

constexpr std::array<std::string_view, 8> kPostTemplates = {
    "Who can help me with {skill} this week? #{tag}",
    "Thanks everyone who came to the {interest} evening! #{tag}",
    "I can offer an hour of {skill} to anyone in the neighbourhood. #{tag}",
    "Idea: a monthly {interest} meetup in the community room. Who joins? #{tag}",
    "Looking for tips on {skill}. What worked for you? #{tag}",
    "Our {interest} group is growing: newcomers welcome. #{tag}",
    "Repair cafe on Saturday: bring things that need {skill}. #{tag}",
    "Does anyone have experience with {skill}? Happy to learn together. #{tag}",
};
constexpr std::array<std::string_view, 6> kReplies = {"Count me in!",
                                                      "I can help with that.",
                                                      "Great idea, thanks for organising.",
                                                      "Sent you a message.",
                                                      "My neighbour knows a lot about this.",
                                                      "Same question here."};
constexpr std::array<SpaceKind, 4> kSpaceKinds = {SpaceKind::kCommunity, SpaceKind::kNeighbourhood,
                                                  SpaceKind::kTeam, SpaceKind::kPlace};

constexpr Micros kDay = 86'400LL * 1'000'000;

std::string fill(std::string_view pattern, const DemoMember& m) {
  std::string out(pattern);
  auto replace = [&](std::string_view key, const std::string& value) {
    for (size_t pos; (pos = out.find(key)) != std::string::npos;)
      out.replace(pos, key.size(), value);
  };
  replace("{skill}", m.first_skill);
  replace("{interest}", m.first_interest);
  replace("{tag}", tag_of(pattern.find("{skill}") != std::string_view::npos ? m.first_skill
                                                                            : m.first_interest));
  return out;
}

std::string with_district(std::string_view pattern, std::string_view district) {
  std::string out(pattern);
  constexpr std::string_view kKey = "{district}";
  if (auto pos = out.find(kKey); pos != std::string::npos) out.replace(pos, kKey.size(), district);
  return out;
}

bool peripheral(const DemoMember& m) {
  return m.position == DemoPosition::kPendant || m.position == DemoPosition::kIsolate;
}

class Draws {
 public:
  explicit Draws(std::mt19937_64& engine) : engine_(engine) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // A moment in [from, min(from + within, now)]: later events never pass the
  // moment of loading, they crowd just before it.
  Micros soon_after(Micros from, Micros within, Micros now) {
    Micros room = std::max<Micros>(0, std::min(within, now - from));
    return from + static_cast<Micros>(unit() * static_cast<double>(room));
  }

 private:
  std::mt19937_64& engine_;
};

// A name from the vocabulary no other space has: the kind's names for the
// theme in turn from a random start, then with the district added, then
// numbered (only a very large demo runs out of names).
std::string unused_name(SpaceKind kind, const DemoCommunity& community,
                        std::unordered_set<std::string>& used, Draws& draws) {
  auto names = space_names(kind, community.theme);
  size_t start = draws.below(names.size());
  std::vector<std::string> candidates;
  for (size_t k = 0; k < names.size(); ++k) {
    candidates.push_back(
        with_district(names[(start + k) % names.size()], community.place.district));
  }
  for (size_t k = 0; k < names.size(); ++k) {
    if (names[(start + k) % names.size()].find("{district}") == std::string_view::npos) {
      candidates.push_back(candidates[k] + " " + std::string(community.place.district));
    }
  }
  for (const auto& name : candidates) {
    if (used.insert(name).second) return name;
  }
  for (int number = 2;; ++number) {
    std::string name = candidates.back() + " " + std::to_string(number);
    if (used.insert(name).second) return name;
  }
}

// The slug the server would give the space: the name's slug, made
// unguessable for a secret space exactly as Spaces::create does
// (secret_slug); an open or closed one numbered on the rare clash of two
// names with one slug.
std::string slug_for(store::SpaceRepository& spaces, const Space& s) {
  std::string base = slug_of(s.name);
  if (s.visibility == SpaceVisibility::kSecret) return secret_slug(spaces, base);
  std::string slug = base;
  for (int number = 2; spaces.slug_taken(slug); ++number) {
    std::string suffix = "-" + std::to_string(number);
    slug = base.substr(0, 40 - suffix.size()) + suffix;
  }
  return slug;
}

struct PlannedSpace {
  std::uint32_t community = 0;
  Micros at = 0;
  // Indices into members: who holds the space (owner, then moderator).
  std::vector<size_t> hosts;
};

}  // namespace

DemoContentSummary load_demo_content(store::Connection& conn,
                                     const std::vector<DemoMember>& members,
                                     const std::vector<DemoCommunity>& communities, Micros now,
                                     std::mt19937_64& engine) {
  Draws draws(engine);
  auto below = [&](std::uint64_t n) { return draws.below(n); };
  auto unit = [&] { return draws.unit(); };
  DemoContentSummary summary;
  auto community_count = static_cast<std::uint32_t>(communities.size());
  std::vector<std::vector<size_t>> by_community(community_count);
  for (size_t i = 0; i < members.size(); ++i) by_community[members[i].community].push_back(i);

  store::SpaceRepository spaces(conn);
  store::ItemRepository items(conn);
  store::ReplyRepository replies(conn);
  store::ReactionRepository reactions(conn);

  // Planned first, from a copy of the engine: the rest of the demo draws
  // what it would draw without it.
  std::mt19937_64 fork = engine;
  std::optional<CivicPlan> civic = plan_civic(members, now, fork());
  std::optional<ExchangePlan> exchange = plan_exchange(members, now, fork());

  // A space per community of three or more, founded soon after its first
  // well-connected member joined (members come in joining order), who
  // hosts it with the next one.
  std::vector<PlannedSpace> planned;
  for (std::uint32_t c = 0; c < community_count; ++c) {
    const auto& group = by_community[c];
    if (group.size() < 3) continue;
    PlannedSpace p;
    p.community = c;
    for (size_t i : group) {
      if (!peripheral(members[i]) && p.hosts.size() < 2) p.hosts.push_back(i);
    }
    for (size_t i : group) {
      if (p.hosts.size() < 2 && std::find(p.hosts.begin(), p.hosts.end(), i) == p.hosts.end())
        p.hosts.push_back(i);
    }
    p.at = draws.soon_after(members[p.hosts.front()].joined_at, 14 * kDay, now);
    planned.push_back(std::move(p));
  }
  // Written in the order they were founded, so that their ids grow with
  // their dates (core/ids.h).
  std::stable_sort(planned.begin(), planned.end(),
                   [](const PlannedSpace& a, const PlannedSpace& b) { return a.at < b.at; });

  std::vector<SpaceId> space_of(community_count, 0);
  std::vector<SpaceVisibility> space_visibility(community_count, SpaceVisibility::kOpen);
  // When each member joined their community's space; absent: not a member.
  std::vector<std::optional<Micros>> in_space_since(members.size());
  std::unordered_set<std::string> used_names;
  bool civic_written = false;
  // The civic space, at its turn among the others (by founding date).
  auto write_civic_space = [&](Micros before) {
    if (!civic || civic_written || civic->founded > before) return;
    civic_written = true;
    used_names.insert(civic->space.name);
    civic->space.slug = slug_for(spaces, civic->space);
    civic->space.id = spaces.insert(civic->space, civic->founded);
    for (const auto& m : civic->members) {
      spaces.set_membership(civic->space.id, m.member, {m.role, MembershipState::kActive}, 0,
                            m.since);
    }
    ++summary.spaces;
  };
  bool exchange_written = false;
  // The neighbourhood exchange likewise (demo_exchange.h).
  auto write_exchange_space = [&](Micros before) {
    if (!exchange || exchange_written || exchange->founded > before) return;
    exchange_written = true;
    used_names.insert(exchange->space.name);
    exchange->space.slug = slug_for(spaces, exchange->space);
    exchange->space.id = spaces.insert(exchange->space, exchange->founded);
    for (const auto& m : exchange->members) {
      spaces.set_membership(exchange->space.id, m.member, {m.role, MembershipState::kActive}, 0,
                            m.since);
    }
    ++summary.spaces;
  };
  for (const auto& p : planned) {
    write_civic_space(p.at);
    write_exchange_space(p.at);
    std::uint32_t c = p.community;
    const DemoMember& founder = members[p.hosts.front()];
    const DemoCommunity& community = communities[c];
    Space s;
    s.kind = kSpaceKinds[c % kSpaceKinds.size()];
    s.name = unused_name(s.kind, community, used_names, draws);
    s.description = "People in " + place_name(community.place) + " around " + founder.first_skill +
                    " and " + founder.first_interest + ".";
    // Mostly open; every fifth closed; every 13th secret (a care circle).
    s.visibility = c % 13 == 12 ? SpaceVisibility::kSecret
                                : (c % 5 == 4 ? SpaceVisibility::kClosed : SpaceVisibility::kOpen);
    s.slug = slug_for(spaces, s);
    s.created_by = founder.id;
    SpaceId id = spaces.insert(s, p.at);
    space_of[c] = id;
    space_visibility[c] = s.visibility;
    for (size_t i : by_community[c]) {
      const DemoMember& m = members[i];
      size_t host = std::find(p.hosts.begin(), p.hosts.end(), i) - p.hosts.begin();
      SpaceRole role =
          host == 0 ? SpaceRole::kOwner : (host == 1 ? SpaceRole::kModerator : SpaceRole::kMember);
      if (role == SpaceRole::kMember && unit() > 0.85) continue;  // not everyone joins
      Micros since = role == SpaceRole::kOwner
                         ? p.at
                         : draws.soon_after(std::max(m.joined_at, p.at), 30 * kDay, now);
      spaces.set_membership(id, m.id, {role, MembershipState::kActive}, 0, since);
      in_space_since[i] = since;
    }
    ++summary.spaces;
  }
  write_civic_space(now);
  write_exchange_space(now);

  // Posts in proportion to activity and to time as a member, dated between
  // joining and now: the instance grows, so more are written lately. Replies and reactions mostly
  // from the same community, which is what makes interaction edges local.
  // Drawn member by member, written in time order: ids are time-ordered
  // (core/ids.h), and a feed that reads newest first by id must meet the
  // posts newest first by time too.
  struct PlannedReaction {
    MemberId member;
    std::string kind;
    Micros at;
  };
  struct PlannedPost {
    Item item;
    std::vector<Reply> replies;
    std::vector<PlannedReaction> reactions;
    std::optional<size_t> civic;     // an index into civic->items
    std::optional<size_t> exchange;  // an index into exchange->items
  };
  // Whether member i could answer in the post's place at time `at`: a
  // member by then, of the space too when the post is in one.
  auto may_answer = [&](size_t i, const Item& item, Micros at) {
    const DemoMember& m = members[i];
    if (peripheral(m) || m.joined_at > at) return false;
    if (!item.space_id) return true;
    return in_space_since[i] && *in_space_since[i] <= at;
  };
  std::vector<PlannedPost> posts;
  for (size_t i = 0; i < members.size(); ++i) {
    const DemoMember& m = members[i];
    // 1.5 x the activity over the whole history: members are members for
    // 4 in 10 of it on average (demo_community.cpp, plan_members), so that
    // is about 0.6 posts per unit of activity.
    double tenure = static_cast<double>(now - m.joined_at) / static_cast<double>(kDemoHistory);
    int post_count = static_cast<int>(m.activity * 1.5 * tenure + unit());
    for (int p = 0; p < post_count; ++p) {
      PlannedPost post;
      Item& item = post.item;
      item.kind = below(5) == 0 ? "question" : "note";
      item.status = std::string(find_item_kind(item.kind)->initial_status);
      item.author_id = m.id;
      item.created_at =
          m.joined_at + static_cast<Micros>(unit() * static_cast<double>(now - m.joined_at));
      bool in_space = in_space_since[i] && *in_space_since[i] <= item.created_at && unit() < 0.6;
      if (in_space) {
        item.space_id = space_of[m.community];
        item.visibility = space_visibility[m.community] == SpaceVisibility::kOpen
                              ? ItemVisibility::kPublic
                              : ItemVisibility::kSpace;
      } else {
        item.visibility = unit() < 0.8 ? ItemVisibility::kPublic : ItemVisibility::kMembers;
      }
      item.body = fill(kPostTemplates[below(kPostTemplates.size())], m);
      auto rendered = render_markdown(item.body);
      if (!rendered) continue;
      item.html = rendered->html;
      item.tags = rendered->tags;
      const auto& group = by_community[m.community];
      int reply_count = peripheral(m) ? 0 : static_cast<int>(below(4));
      for (int r = 0; r < reply_count && group.size() > 1; ++r) {
        size_t other = group[below(group.size())];
        Micros at = draws.soon_after(item.created_at, 3 * kDay, now);
        if (members[other].id == m.id || !may_answer(other, item, at)) continue;
        Reply reply;
        reply.author_id = members[other].id;
        reply.body = std::string(kReplies[below(kReplies.size())]);
        reply.html = "<p>" + reply.body + "</p>\n";
        reply.created_at = at;
        post.replies.push_back(std::move(reply));
      }
      int reaction_count = peripheral(m) ? 0 : static_cast<int>(below(5));
      for (int r = 0; r < reaction_count && group.size() > 1; ++r) {
        size_t other = group[below(group.size())];
        Micros at = draws.soon_after(item.created_at, 2 * kDay, now);
        if (members[other].id == m.id || !may_answer(other, item, at)) continue;
        post.reactions.push_back({members[other].id, std::string(reaction_kinds()[below(2)]), at});
      }
      posts.push_back(std::move(post));
    }
  }
  if (civic) {
    for (size_t k = 0; k < civic->items.size(); ++k) {
      PlannedPost post;
      post.item = civic->items[k].item;
      post.item.space_id = civic->space.id;
      post.civic = k;
      posts.push_back(std::move(post));
    }
  }
  if (exchange) {
    for (size_t k = 0; k < exchange->items.size(); ++k) {
      PlannedPost post;
      post.item = exchange->items[k];
      post.item.space_id = exchange->space.id;
      post.exchange = k;
      posts.push_back(std::move(post));
    }
  }
  std::stable_sort(posts.begin(), posts.end(), [](const PlannedPost& a, const PlannedPost& b) {
    return a.item.created_at < b.item.created_at;
  });
  std::vector<Reply> all_replies;
  for (auto& post : posts) {
    post.item.id = items.insert(post.item, {});
    if (post.civic) {
      civic->items[*post.civic].item = post.item;
      continue;
    }
    if (post.exchange) {
      exchange->items[*post.exchange] = post.item;
      continue;
    }
    ++summary.items;
    for (auto& reply : post.replies) {
      reply.item_id = post.item.id;
      all_replies.push_back(std::move(reply));
    }
    for (const auto& r : post.reactions) {
      if (reactions.put(store::ReactionTarget::kItem, post.item.id, r.member, r.kind, r.at)) {
        ++summary.reactions;
      }
    }
  }
  std::stable_sort(all_replies.begin(), all_replies.end(),
                   [](const Reply& a, const Reply& b) { return a.created_at < b.created_at; });
  for (const auto& reply : all_replies) {
    replies.insert(reply);
    ++summary.replies;
  }
  if (civic) {
    CivicSummary c = write_civic_history(conn, *civic);
    summary.civic_slug = c.slug;
    summary.ideas = c.ideas;
    summary.votes = c.votes;
    summary.reports = c.reports;
  }
  if (exchange) summary.exchange = write_exchange_rows(conn, *exchange);
  return summary;
}

}  // namespace kring::social::demo
