#pragma once
// GET /api/v1/items: the items the viewer may read, filtered by kind,
// space, status (or open: every status of the kind but its closed ones),
// category, tag, skill (the request's or offer's, item_skills) and place
// (bbox or near), in a sort's order
// (new and votes: store/item_listing.h; diverse: the widest support across
// the network's communities first, support_diversity.h), keyset-paged. Each
// item of a kind that takes votes shows how many communities its voters
// come from (instance_communities.h). Every filter is checked before
// anything is read: a bad one is a 400 naming it. A space the viewer may not
// see answers as the space routes do (404).
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "store/database.h"

namespace kring::social {

// The query string's filters as given; absent ones are empty optionals.
struct ItemListingRequest {
  std::optional<std::string> kind;
  std::optional<std::string> space;  // slug
  std::optional<std::string> status;
  std::optional<std::string> category;
  std::optional<std::string> tag;
  std::optional<std::string> bbox;  // "min_lat,min_lon,max_lat,max_lon"
  std::optional<std::string> near;  // "lat,lon,km"
  std::optional<std::string> sort;  // "new" (the default), "votes" or "diverse"
  PageRequest page;
  // "upcoming" or "past" (store/item_listing.h ItemSort): for a kind with
  // starts_at, in the order of the start; excludes `sort`.
  std::optional<std::string> when;
  std::optional<std::string> skill;  // as typed; matched as member skills are (normalize_term)
  std::optional<std::string> open;   // "true": only the kind's open statuses (not closed ones)
};

// A circle's radius may be at most this (a neighbourhood's map, not a country's).
inline constexpr double kMaxNearKm = 100;

class ItemListing {
 public:
  explicit ItemListing(store::Database& db) : db_(db) {}
  Result<Page<ItemView>> list(const Actor& viewer, const ItemListingRequest& request);

 private:
  store::Database& db_;
};

}  // namespace kring::social
