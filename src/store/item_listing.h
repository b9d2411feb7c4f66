#pragma once
// GET /api/v1/items as SQL: the items a viewer may read (the items' read
// rule, as feeds use it), narrowed by kind, space, status (one or a list),
// category, tag, skill and a place (a bounding box from the item_places R*Tree, or a circle: its
// bounding box, then the exact great-circle distance), in the order of a
// sort, keyset-paged. Runs inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "core/time.h"
#include "store/database.h"

namespace kring::store {

// How a listing is ordered. kNew: newest first on the item id; kVotes:
// most votes first (items.vote_count, index items_by_votes), the newest
// first among equals (the order in which social/item_listing scans the
// candidates of its `diverse` sort).
// kUpcoming and kPast (events and other kinds with starts_at): the items
// not yet over at `now` (over at ends_at, or at starts_at without one),
// soonest start first, or those over, latest start first; their key is
// starts_at (index items_by_start).
enum class ItemSort { kNew, kVotes, kUpcoming, kPast };

// Degrees; min <= max on both axes (no box across the antimeridian).
struct GeoBox {
  double min_lat = 0;
  double min_lon = 0;
  double max_lat = 0;
  double max_lon = 0;
};

struct GeoCircle {
  double lat = 0;
  double lon = 0;
  double km = 0;
};

inline constexpr double kEarthRadiusKm = 6371.0088;

// The smallest box on the globe holding the circle (clamped at the poles and
// at ±180° longitude).
GeoBox box_around(const GeoCircle& circle);

struct ItemListingQuery {
  MemberId viewer = 0;
  std::optional<std::string> kind;
  std::optional<SpaceId> space;
  std::optional<std::string> status;
  std::optional<std::string> category;
  std::optional<std::string> tag;  // normalized
  std::optional<GeoBox> bbox;
  std::optional<GeoCircle> near;
  std::optional<std::string> skill;  // normalized (normalize_term), through item_skills
  // Non-empty: only items at one of these statuses (a kind's open ones).
  std::vector<std::string> statuses;
  ItemSort sort = ItemSort::kNew;
  Micros now = 0;  // what kUpcoming and kPast count as now
  std::optional<CursorKey> after;
  int limit = 20;
};

// A matching item and its key in the sort (its id for kNew, its vote count
// for kVotes, its start for kUpcoming and kPast), which the next page's cursor carries.
struct ListedItem {
  ItemId id = 0;
  std::int64_t key = 0;
};

// The matching items in the sort's order, at most query.limit.
std::vector<ListedItem> list_item_ids(Connection& conn, const ItemListingQuery& query);

}  // namespace kring::store
