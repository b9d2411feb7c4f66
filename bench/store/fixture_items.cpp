#include <map>
#include <optional>

#include "core/item.h"
#include "core/kinds.h"
#include "fixture_writer.h"
#include "social/demo/vocabulary.h"
#include "social/markdown.h"
#include "store/item_repository.h"
#include "store/reaction_repository.h"

namespace kring::bench {

namespace {

// 2025-01-01T00:00:00Z, and two years of posting after it.
constexpr Micros kFirstItemAt = 1735689600LL * 1'000'000;
constexpr Micros kSpan = 2LL * 365 * 24 * 3600 * 1'000'000;
constexpr std::int64_t kItemsPerTransaction = 100'000;

constexpr std::string_view kTemplates[] = {
    "Who can help me with {skill} this week? #{tag}",
    "I can offer an hour of {skill} to anyone in the neighbourhood. #{tag}",
    "Looking for tips on **{skill}**. What worked for you? #{tag}",
    "Repair cafe on Saturday: bring things that need {skill}. #{tag} #repair",
    "Does anyone have experience with {skill}? Happy to learn together. #{tag}",
    "Notes from last night's {skill} session:\n\n- what went well\n- what we try next\n\n#{tag}",
};

struct Body {
  std::string text;
  std::string html;
  std::vector<std::string> tags;
};

// Rendered once: Markdown rendering a million bodies would double the build
// time and the feed reads the stored html either way.
std::vector<Body> body_pool() {
  std::vector<Body> pool;
  for (const auto& theme : social::demo::skill_themes()) {
    for (std::string_view skill : theme.skills) {
      for (std::string_view pattern : kTemplates) {
        std::string text(pattern);
        auto put = [&](std::string_view key, const std::string& value) {
          for (size_t at; (at = text.find(key)) != std::string::npos;)
            text.replace(at, key.size(), value);
        };
        put("{skill}", std::string(skill));
        put("{tag}", social::demo::tag_of(skill));
        auto rendered = social::render_markdown(text);
        if (rendered) pool.push_back({text, rendered->html, rendered->tags});
      }
    }
  }
  return pool;
}

ItemVisibility visibility_in_space(SpaceVisibility space, FixtureRandom& rng) {
  // Closed and secret spaces take space-only items (social/items.cpp).
  if (space != SpaceVisibility::kOpen) return ItemVisibility::kSpace;
  double r = rng.unit();
  return r < 0.5 ? ItemVisibility::kPublic
                 : (r < 0.8 ? ItemVisibility::kMembers : ItemVisibility::kSpace);
}

ItemVisibility visibility_outside(FixtureRandom& rng) {
  double r = rng.unit();
  return r < 0.6 ? ItemVisibility::kPublic
                 : (r < 0.85 ? ItemVisibility::kMembers : ItemVisibility::kConnections);
}

}  // namespace

WrittenItems write_items(store::Connection& conn, const FixturePlan& plan,
                         const WrittenCommunity& community, std::int64_t count, FixtureRandom& rng,
                         const std::function<void(double)>& progress, const ItemShaper& shaper) {
  auto pool = body_pool();
  WeightedIndex by_activity(plan.activity);
  WrittenItems out;
  out.per_member.assign(plan.activity.size(), 0);
  out.per_space.assign(plan.spaces.size(), 0);
  std::vector<std::int64_t> per_body(pool.size(), 0);
  store::ItemRepository items(conn);
  store::ReactionRepository reactions(conn);
  auto kinds = reaction_kinds();
  Micros step = kSpan / count;
  std::optional<store::Transaction> tx;
  for (std::int64_t i = 0; i < count; ++i) {
    if (i % kItemsPerTransaction == 0) {
      if (tx) tx->commit();
      tx.emplace(conn, store::Transaction::Kind::kWrite);
      if (progress) progress(static_cast<double>(i) / static_cast<double>(count));
    }
    std::uint32_t author = by_activity.draw(rng);
    Item item;
    item.author_id = community.member_ids[author];
    const auto& joined = plan.spaces_of[author];
    if (!joined.empty() && rng.chance(0.55)) {
      std::uint32_t s = joined[rng.below(joined.size())];
      item.space_id = community.space_ids[s];
      item.visibility = visibility_in_space(plan.spaces[s].visibility, rng);
      ++out.per_space[s];
    } else {
      item.visibility = visibility_outside(rng);
    }
    auto b = rng.below(pool.size());
    const Body& body = pool[b];
    double k = rng.unit();
    item.kind = k < 0.08 ? "article" : (k < 0.2 ? "question" : "note");
    if (item.kind == "article") item.title = "Notes on " + body.tags.front();
    item.status = std::string(find_item_kind(item.kind)->initial_status);
    item.body = body.text;
    item.html = body.html;
    item.tags = body.tags;
    item.created_at =
        kFirstItemAt + i * step + static_cast<Micros>(rng.below(static_cast<std::uint64_t>(step)));
    if (shaper.reshape) {
      shaper.reshape(item, author, static_cast<double>(i) / static_cast<double>(count), rng);
    }
    ItemId id = items.insert(item, {});
    if (shaper.written) shaper.written(id, item, rng);
    ++out.per_member[author];
    ++per_body[b];
    // Moderation leaves traces the read rule must skip: 0.3% deleted by
    // their authors, 0.1% hidden by moderators.
    double fate = rng.unit();
    if (fate < 0.003) {
      items.soft_delete(id, item.created_at + 3'600'000'000LL);
    } else if (fate < 0.004) {
      items.set_hidden(id, item.created_at + 3'600'000'000LL);
    }
    if (rng.chance(0.5)) {
      auto n = rng.below(4);
      for (std::uint64_t r = 0; r < n; ++r) {
        MemberId who = community.member_ids[by_activity.draw(rng)];
        reactions.put(store::ReactionTarget::kItem, id, who,
                      std::string(kinds[rng.below(kinds.size())]), item.created_at + 60'000'000);
      }
    }
  }
  if (tx) tx->commit();
  if (progress) progress(1.0);
  out.items = count;
  std::map<std::string, std::int64_t> per_tag;
  for (std::size_t b = 0; b < pool.size(); ++b) {
    for (const auto& tag : pool[b].tags) per_tag[tag] += per_body[b];
  }
  std::int64_t best = -1;
  for (const auto& [tag, n] : per_tag) {
    if (n > best) best = n, out.top_tag = tag;
  }
  return out;
}

}  // namespace kring::bench
