#pragma once
// GET /api/v1/items/{id}/matches: who could help with a request and why,
// and the open items that fit a request or an offer (social/match_finder.h
// finds them, social/match_scoring.h scores them).
//
// Who sees them: the kViewMatches row of the rule book, the item's author
// and the hosts (owners, moderators) of its space. Matching names members
// who did not ask to be named for this item, so it is for whoever acts on
// the item, not for every reader; others who may read the item get 403.
// An item the viewer may not read answers 404, as a missing one does.
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "social/member_view.h"
#include "store/database.h"

namespace kring::social {

inline constexpr int kMatchesShown = 10;  // when no limit is asked

// Why a match fits, one fact each. kind: "skill" (skill), "near" (space:
// the neighbourhood or place both are in), "network" (distance 1 or 2;
// via: the author's ties between, as far as the viewer may see them),
// "words" (words of the titles), "distance" (km), "space" (space: both
// items are in it).
struct MatchReason {
  std::string kind;
  std::string skill;
  std::optional<SpaceRef> space;
  int distance = 0;
  std::vector<MemberView> via;
  std::vector<std::string> words;
  std::optional<double> km;
};

struct MemberMatch {
  MemberView member;
  int score = 0;
  std::vector<MatchReason> reasons;
};

struct ItemMatch {
  ItemView item;
  int score = 0;
  std::vector<MatchReason> reasons;
};

struct MatchesFound {
  std::string kind;  // the matched item's: "request" (members and offers) or "offer" (requests)
  std::vector<MemberMatch> members;
  std::vector<ItemMatch> items;
};

class Matches {
 public:
  explicit Matches(store::Database& db) : db_(db) {}

  // limit: 1..kMatchesMax (match_finder.h) of each list, kMatchesShown when
  // absent; else 400 invalid_limit. 404 (401 to a visitor) for an item the
  // viewer may not read, 403 for a reader who is neither its author nor a
  // host of its space, 400 no_matches for a kind other than request and
  // offer.
  Result<MatchesFound> find(const Actor& viewer, ItemId id, std::optional<int> limit);

 private:
  store::Database& db_;
};

}  // namespace kring::social
