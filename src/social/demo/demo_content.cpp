#include "social/demo/demo_content.h"

#include <algorithm>
#include <array>

#include "core/ids.h"
#include "core/item.h"
#include "social/demo/vocabulary.h"
#include "social/markdown.h"
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
constexpr std::array<std::string_view, 4> kSpaceKinds = {"community", "neighbourhood", "team",
                                                         "place"};

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

}  // namespace

DemoContentSummary load_demo_content(store::Connection& conn,
                                     const std::vector<DemoMember>& members,
                                     std::mt19937_64& engine) {
  auto below = [&](std::uint64_t n) { return engine() % n; };
  auto unit = [&] { return static_cast<double>(engine() >> 11) * 0x1.0p-53; };
  DemoContentSummary summary;
  std::uint32_t communities = 0;
  for (const auto& m : members) communities = std::max(communities, m.community + 1);
  std::vector<std::vector<size_t>> by_community(communities);
  for (size_t i = 0; i < members.size(); ++i) by_community[members[i].community].push_back(i);

  store::SpaceRepository spaces(conn);
  store::ItemRepository items(conn);
  store::ReplyRepository replies(conn);
  store::ReactionRepository reactions(conn);
  std::vector<SpaceId> space_of(communities, 0);
  std::vector<SpaceVisibility> space_visibility(communities, SpaceVisibility::kOpen);
  Micros base = members.front().joined_at;
  for (std::uint32_t c = 0; c < communities; ++c) {
    const auto& group = by_community[c];
    if (group.size() < 3) continue;
    const DemoMember& founder = members[group.front()];
    Space s;
    s.slug = "community-" + std::to_string(c + 1);
    s.name = (c % 3 == 0 ? "Friends of " : (c % 3 == 1 ? "Neighbours for " : "Circle for ")) +
             founder.first_interest;
    s.description = "People around " + founder.first_skill + " and " + founder.first_interest + ".";
    s.kind = *parse_space_kind(kSpaceKinds[c % kSpaceKinds.size()]);
    // Mostly open; every fifth closed; every 13th secret (a care circle).
    s.visibility = c % 13 == 12 ? SpaceVisibility::kSecret
                                : (c % 5 == 4 ? SpaceVisibility::kClosed : SpaceVisibility::kOpen);
    // A secret space's slug is unguessable, as the server makes it.
    if (s.visibility == SpaceVisibility::kSecret) s.slug = unguessable_slug(s.slug);
    s.created_by = founder.id;
    SpaceId id = spaces.insert(s, founder.joined_at);
    space_of[c] = id;
    space_visibility[c] = s.visibility;
    for (size_t k = 0; k < group.size(); ++k) {
      const DemoMember& m = members[group[k]];
      SpaceRole role =
          k == 0 ? SpaceRole::kOwner : (k == 1 ? SpaceRole::kModerator : SpaceRole::kMember);
      if (k > 1 && unit() > 0.85) continue;  // not everyone in a community joins its space
      spaces.set_membership(id, m.id, {role, MembershipState::kActive}, 0, m.joined_at);
    }
    ++summary.spaces;
  }

  // Posts in proportion to activity; replies and reactions mostly from the
  // same community, which is what makes interaction edges local. Drawn
  // member by member, written in time order: ids are time-ordered
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
  };
  std::vector<PlannedPost> posts;
  for (size_t i = 0; i < members.size(); ++i) {
    const DemoMember& m = members[i];
    int post_count = static_cast<int>(m.activity * 0.6 + unit());
    for (int p = 0; p < post_count; ++p) {
      PlannedPost post;
      Item& item = post.item;
      item.kind = below(5) == 0 ? "question" : "note";
      item.status = item.kind == "question" ? "open" : "";
      item.author_id = m.id;
      bool in_space = space_of[m.community] != 0 && unit() < 0.6;
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
      item.created_at =
          std::max(m.joined_at, base) + static_cast<Micros>(below(400ULL * 86400)) * 1'000'000;
      const auto& group = by_community[m.community];
      int reply_count = static_cast<int>(below(4));
      for (int r = 0; r < reply_count && group.size() > 1; ++r) {
        const DemoMember& other = members[group[below(group.size())]];
        if (other.id == m.id) continue;
        Reply reply;
        reply.author_id = other.id;
        reply.body = std::string(kReplies[below(kReplies.size())]);
        reply.html = "<p>" + reply.body + "</p>\n";
        reply.created_at = item.created_at + static_cast<Micros>(below(3ULL * 86400)) * 1'000'000;
        post.replies.push_back(std::move(reply));
      }
      int reaction_count = static_cast<int>(below(5));
      for (int r = 0; r < reaction_count && group.size() > 1; ++r) {
        const DemoMember& other = members[group[below(group.size())]];
        if (other.id == m.id) continue;
        post.reactions.push_back(
            {other.id, std::string(reaction_kinds()[below(2)]), item.created_at + 3'600'000'000LL});
      }
      posts.push_back(std::move(post));
    }
  }
  std::stable_sort(posts.begin(), posts.end(), [](const PlannedPost& a, const PlannedPost& b) {
    return a.item.created_at < b.item.created_at;
  });
  std::vector<Reply> all_replies;
  for (auto& post : posts) {
    post.item.id = items.insert(post.item, {});
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
  return summary;
}

}  // namespace kring::social::demo
