#include "store/row_ids.h"

#include <string_view>

#include "core/ids.h"

namespace kring::store {

namespace {
// Indexed by IdTable. max() of an INTEGER PRIMARY KEY is one seek to the
// b-tree's last leaf, not a scan.
constexpr std::string_view kNewestIdSql[] = {
    "SELECT coalesce(max(id), 0) FROM spaces",
    "SELECT coalesce(max(id), 0) FROM items",
    "SELECT coalesce(max(id), 0) FROM replies",
    "SELECT coalesce(max(id), 0) FROM notifications",
    "SELECT coalesce(max(id), 0) FROM reports",
    "SELECT coalesce(max(id), 0) FROM item_status_changes",
    "SELECT coalesce(max(id), 0) FROM loans",
    "SELECT coalesce(max(id), 0) FROM contributions",
};
static_assert(std::size(kNewestIdSql) == static_cast<std::size_t>(IdTable::kContributions) + 1);
}  // namespace

std::int64_t allocate_row_id(Connection& conn, IdTable table, Micros at) {
  auto st = conn.prepare(kNewestIdSql[static_cast<std::size_t>(table)]);
  st.step();
  std::int64_t newest = st.int64(0);
  st.reset();
  return next_time_ordered_id(at, newest);
}

}  // namespace kring::store
