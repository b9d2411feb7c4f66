#include "store/notification_repository.h"

#include "store/item_visibility_sql.h"
#include "store/keyset.h"
#include "store/member_visibility_sql.h"
#include "store/row_ids.h"
#include "store/space_visibility_sql.h"

namespace kring::store {

namespace {
// The notifications the recipient (?1) is shown, filtered when read so that
// the list, the unread count, a stream's replay and its live delivery agree,
// through the visibility rules (core/visibility_rules.h): not from an actor
// whose doings the recipient is not shown (suspended, across a block), not
// about an item the recipient may no longer read, a reply no longer shown
// or a space they may no longer know exists. Losing access to a space thus
// also takes its notifications away, and an invitation revoked leaves no
// trace of a secret space's name.
const std::string& select_shown() {
  static const std::string sql =
      "SELECT n.id, n.recipient_id, n.kind, n.actor_id, n.item_id, n.reply_id, n.space_id, "
      "n.created_at, n.read_at FROM notifications n WHERE n.recipient_id = ?1 AND " +
      member_content_sql("n.actor_id") +
      " AND (n.item_id IS NULL OR EXISTS (SELECT 1 FROM items i WHERE i.id = n.item_id AND " +
      kItemReadableSql +
      ")) AND (n.reply_id IS NULL OR EXISTS (SELECT 1 FROM replies r WHERE r.id = n.reply_id "
      "AND " +
      reply_shown_sql("r") + ")) AND (n.space_id IS NULL OR " + space_visible_sql("n.space_id") +
      ") ";
  return sql;
}

NotificationRow read_row(Statement& st) {
  NotificationRow r;
  r.id = st.int64(0);
  r.recipient = st.int64(1);
  r.kind = st.text(2);
  r.actor = st.int64(3);
  if (!st.is_null(4)) r.item_id = st.int64(4);
  if (!st.is_null(5)) r.reply_id = st.int64(5);
  if (!st.is_null(6)) r.space_id = st.int64(6);
  r.created_at = st.int64(7);
  r.read = !st.is_null(8);
  return r;
}
}  // namespace

std::int64_t NotificationRepository::insert(const NotificationRow& r) {
  auto st = conn_.prepare(
      "INSERT INTO notifications (recipient_id, kind, actor_id, item_id, reply_id, space_id, "
      "created_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  std::int64_t id = allocate_row_id(conn_, IdTable::kNotifications, r.created_at);
  st.bind(8, id).bind(1, r.recipient).bind(2, r.kind).bind(3, r.actor).bind_optional(4, r.item_id);
  st.bind_optional(5, r.reply_id).bind_optional(6, r.space_id).bind(7, r.created_at).run();
  return id;
}

std::vector<NotificationRow> NotificationRepository::list(MemberId recipient,
                                                          std::optional<CursorKey> after,
                                                          int limit) {
  Keyset keyset({"", "n.id", SortOrder::kDescending}, after, limit);
  auto st =
      conn_.prepare(select_shown() + "AND " + keyset.after_cursor() + keyset.order_and_limit());
  st.bind(1, recipient);
  keyset.bind(st);
  std::vector<NotificationRow> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::vector<NotificationRow> NotificationRepository::since(MemberId recipient, std::int64_t after,
                                                           int limit) {
  auto st = conn_.prepare(select_shown() + "AND n.id > ?2 ORDER BY n.id LIMIT ?3");
  st.bind(1, recipient).bind(2, after).bind(3, limit);
  std::vector<NotificationRow> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::int64_t NotificationRepository::unread_count(MemberId recipient) {
  auto st = conn_.prepare("SELECT count(*) FROM (" + select_shown() + "AND n.read_at IS NULL)");
  st.bind(1, recipient);
  st.step();
  return st.int64(0);
}

void NotificationRepository::mark_read(MemberId recipient, std::int64_t up_to, Micros now) {
  auto st = conn_.prepare(
      "UPDATE notifications SET read_at = ?3 WHERE recipient_id = ?1 AND id <= ?2 AND read_at IS "
      "NULL");
  st.bind(1, recipient).bind(2, up_to).bind(3, now).run();
}

}  // namespace kring::store
