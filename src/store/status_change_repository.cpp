#include "store/status_change_repository.h"

#include "store/keyset.h"
#include "store/member_visibility_sql.h"
#include "store/row_ids.h"

namespace kring::store {

std::int64_t StatusChangeRepository::record(const StatusChange& c) {
  const std::int64_t id = allocate_row_id(conn_, IdTable::kItemStatusChanges, c.changed_at);
  auto st = conn_.prepare(
      "INSERT INTO item_status_changes (id, item_id, from_status, to_status, actor_id, note, "
      "changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, id).bind(2, c.item_id).bind(3, c.from_status).bind(4, c.to_status);
  st.bind(5, c.actor_id).bind(6, c.note).bind(7, c.changed_at).run();
  return id;
}

std::vector<StatusChange> StatusChangeRepository::for_item(ItemId item, MemberId viewer,
                                                           std::optional<CursorKey> after,
                                                           int limit) {
  static const std::string shown = member_content_sql("c.actor_id", "", "?1");
  Keyset keyset({"", "c.id", SortOrder::kDescending}, after, limit);
  auto st = conn_.prepare(
      "SELECT c.id, c.item_id, c.from_status, c.to_status, c.actor_id, c.note, c.changed_at, " +
      shown + " FROM item_status_changes c WHERE c.item_id = ?2 AND " + keyset.after_cursor() +
      keyset.order_and_limit());
  st.bind(1, viewer).bind(2, item);
  keyset.bind(st);
  std::vector<StatusChange> out;
  while (st.step()) {
    out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.int64(4), st.text(5),
                   st.int64(6), st.int64(7) != 0});
  }
  return out;
}

std::optional<Micros> StatusChangeRepository::entered_at(ItemId item, const std::string& status) {
  auto st = conn_.prepare(
      "SELECT changed_at FROM item_status_changes WHERE item_id = ?1 AND to_status = ?2 "
      "ORDER BY id DESC LIMIT 1");
  st.bind(1, item).bind(2, status);
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

}  // namespace kring::store
