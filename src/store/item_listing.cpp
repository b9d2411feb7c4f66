#include "store/item_listing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "store/item_visibility_sql.h"
#include "store/keyset.h"

namespace kring::store {

namespace {

constexpr double kKmPerDegree = kEarthRadiusKm * std::numbers::pi / 180.0;

// Great-circle distance in km from (?11, ?12) to the item's point
// (haversine), for the exact cut after the circle's box.
constexpr std::string_view kWithinCircleSql =
    "2 * 6371.0088 * asin(min(1, sqrt(pow(sin(radians(i.lat - ?11) / 2), 2) + cos(radians(?11)) "
    "* cos(radians(i.lat)) * pow(sin(radians(i.lon - ?12) / 2), 2)))) <= ?13";

// The sort's key for the keyset, indexed by ItemSort.
constexpr SortKey kSortKeys[] = {
    {"", "i.id", SortOrder::kDescending},
    {"i.vote_count", "i.id", SortOrder::kDescending},
};
static_assert(std::size(kSortKeys) == static_cast<std::size_t>(ItemSort::kVotes) + 1);

}  // namespace

GeoBox box_around(const GeoCircle& c) {
  const double dlat = c.km / kKmPerDegree;
  GeoBox box{std::max(-90.0, c.lat - dlat), -180, std::min(90.0, c.lat + dlat), 180};
  const double coslat = std::cos(c.lat * std::numbers::pi / 180.0);
  if (box.min_lat > -90 && box.max_lat < 90 && coslat > 1e-9) {
    const double dlon = std::min(180.0, c.km / (kKmPerDegree * coslat));
    box.min_lon = std::max(-180.0, c.lon - dlon);
    box.max_lon = std::min(180.0, c.lon + dlon);
  }
  return box;
}

std::vector<ListedItem> list_item_ids(Connection& conn, const ItemListingQuery& q) {
  std::optional<GeoBox> box = q.bbox;
  if (q.near) box = box_around(*q.near);
  std::string from = "items i";
  std::string where = kItemReadableSql;
  // The R*Tree finds the candidates in the box (its 32-bit bounds are
  // rounded outward), the row's own point decides.
  if (box) {
    from = "item_places p JOIN items i ON i.id = p.id";
    where +=
        " AND p.max_lat >= ?7 AND p.min_lat <= ?9 AND p.max_lon >= ?8 AND p.min_lon <= ?10"
        " AND i.lat BETWEEN ?7 AND ?9 AND i.lon BETWEEN ?8 AND ?10";
  }
  if (q.near) where += " AND " + std::string(kWithinCircleSql);
  if (q.tag) {
    where += " AND i.id IN (SELECT item_id FROM item_tags WHERE tag = ?6)";
  }
  if (q.kind) where += " AND i.kind = ?2";
  if (q.space) where += " AND i.space_id = ?3";
  if (q.status) where += " AND i.status = ?4";
  if (q.category) where += " AND i.category = ?5";
  Keyset keyset(kSortKeys[static_cast<std::size_t>(q.sort)], q.after, q.limit);
  auto st = conn.prepare("SELECT i.id, i.vote_count FROM " + from + " WHERE " + where + " AND " +
                         keyset.after_cursor() + keyset.order_and_limit());
  st.bind(1, q.viewer);
  if (q.kind) st.bind(2, *q.kind);
  if (q.space) st.bind(3, *q.space);
  if (q.status) st.bind(4, *q.status);
  if (q.category) st.bind(5, *q.category);
  if (q.tag) st.bind(6, *q.tag);
  if (box) st.bind(7, box->min_lat).bind(8, box->min_lon).bind(9, box->max_lat).bind(10, box->max_lon);
  if (q.near) st.bind(11, q.near->lat).bind(12, q.near->lon).bind(13, q.near->km);
  keyset.bind(st);
  std::vector<ListedItem> out;
  while (st.step()) out.push_back({st.int64(0), q.sort == ItemSort::kVotes ? st.int64(1) : 0});
  return out;
}

}  // namespace kring::store
