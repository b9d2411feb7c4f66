#include "social/matches.h"

#include <cmath>

#include "social/match_finder.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/match_repository.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

std::optional<SpaceRef> space_ref(store::Connection& conn, SpaceId id) {
  auto named = store::SpaceRepository(conn).slug_and_name(id);
  if (!named) return std::nullopt;
  return SpaceRef{named->first, named->second};
}

// One decimal: a kilometre to the metre says more than anyone measured.
double rounded_km(double km) { return std::round(km * 10) / 10; }

MemberMatch member_match(store::Connection& conn, MemberId viewer, const MemberCandidate& c,
                         std::optional<SpaceRef> near) {
  store::MemberRepository members(conn);
  store::MatchRepository repo(conn);
  MemberMatch out;
  out.member = view_member(conn, viewer, *members.find_by_id(c.member), false);
  out.score = c.score;
  for (const auto& skill : c.skills) out.reasons.push_back({.kind = "skill", .skill = skill});
  if (c.near_space && near) out.reasons.push_back({.kind = "near", .space = near});
  if (c.distance > 0) {
    MatchReason network{.kind = "network", .distance = c.distance};
    for (MemberId via : c.via) {
      if (!repo.listed(via, viewer)) continue;
      if (auto m = members.find_by_id(via)) {
        network.via.push_back(view_member(conn, viewer, std::move(*m), false));
      }
    }
    out.reasons.push_back(std::move(network));
  }
  return out;
}

ItemMatch item_match(store::Connection& conn, MemberId viewer, ItemCandidate c) {
  ItemMatch out;
  out.score = c.score;
  for (const auto& skill : c.skills) out.reasons.push_back({.kind = "skill", .skill = skill});
  if (!c.words.empty()) out.reasons.push_back({.kind = "words", .words = c.words});
  if (c.km) out.reasons.push_back({.kind = "distance", .km = rounded_km(*c.km)});
  if (c.same_space && c.item.space_id) {
    out.reasons.push_back({.kind = "space", .space = space_ref(conn, *c.item.space_id)});
  }
  out.item = view_item(conn, viewer, std::move(c.item));
  return out;
}

}  // namespace

Result<MatchesFound> Matches::find(const Actor& viewer, ItemId id, std::optional<int> limit) {
  if (limit && (*limit < 1 || *limit > kMatchesMax)) {
    return Error::invalid("invalid_limit", "limit must be 1.." + std::to_string(kMatchesMax));
  }
  const int wanted = limit.value_or(kMatchesShown);
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, viewer.id)) item = items.find(id);
  if (!item) return refuse_missing(viewer, Action::kViewMatches, "no item " + std::to_string(id));
  Resource resource = Resource::of_content(viewer, item->author_id, std::nullopt, std::nullopt);
  std::optional<SpaceRef> near;
  if (item->space_id) {
    // access(), not find_by_id(): no member count of a big space.
    if (auto a = store::SpaceRepository(*conn).access(*item->space_id, viewer.id)) {
      resource.space = SpaceStanding{a->visibility, a->archived, a->membership};
    }
    near = space_ref(*conn, *item->space_id);
  }
  KRING_TRY(decide(viewer, Action::kViewMatches, resource));
  if (!has_matches(*item)) {
    return Error::invalid("no_matches", "only requests and offers have matches");
  }
  MatchesFound found;
  found.kind = item->kind;
  for (const auto& c : match_members(*conn, *item, viewer.id, wanted)) {
    found.members.push_back(member_match(*conn, viewer.id, c, near));
  }
  for (auto& c : match_items(*conn, *item, viewer.id, wanted)) {
    found.items.push_back(item_match(*conn, viewer.id, std::move(c)));
  }
  return found;
}

}  // namespace kring::social
