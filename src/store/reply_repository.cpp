#include "store/reply_repository.h"

#include "store/item_visibility_sql.h"
#include "store/keyset.h"
#include "store/row_ids.h"

namespace kring::store {

namespace {
constexpr std::string_view kColumns =
    "r.id, r.item_id, r.parent_id, r.author_id, r.depth, r.body, r.html, r.hidden_at, "
    "r.deleted_at, r.created_at, r.edited_at";

Reply read_reply(Statement& st) {
  Reply r;
  r.id = st.int64(0);
  r.item_id = st.int64(1);
  if (!st.is_null(2)) r.parent_id = st.int64(2);
  r.author_id = st.int64(3);
  r.depth = static_cast<int>(st.int64(4));
  r.body = st.text(5);
  r.html = st.text(6);
  r.hidden = !st.is_null(7);
  r.deleted = !st.is_null(8);
  r.created_at = st.int64(9);
  if (!st.is_null(10)) r.edited_at = st.int64(10);
  return r;
}
}  // namespace

ReplyId ReplyRepository::insert(const Reply& r) {
  auto st = conn_.prepare(
      "INSERT INTO replies (item_id, parent_id, author_id, depth, body, html, created_at, id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  ReplyId id = allocate_row_id(conn_, IdTable::kReplies, r.created_at);
  st.bind(8, id).bind(1, r.item_id).bind_optional(2, r.parent_id).bind(3, r.author_id);
  st.bind(4, r.depth);
  st.bind(5, r.body).bind(6, r.html).bind(7, r.created_at).run();
  auto count = conn_.prepare("UPDATE items SET reply_count = reply_count + 1 WHERE id = ?1");
  count.bind(1, r.item_id).run();
  return id;
}

std::optional<Reply> ReplyRepository::find(ReplyId id) {
  auto st = conn_.prepare("SELECT " + std::string(kColumns) + " FROM replies r WHERE r.id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_reply(st);
}

std::vector<Reply> ReplyRepository::for_item(ItemId item, MemberId viewer,
                                             std::optional<CursorKey> after, int limit) {
  // Replies whose text the viewer may not see (core/visibility_rules.h:
  // reply_shown_rule: by a suspended member, across a block) read as
  // removed: the thread keeps its shape, the text is gone.
  Keyset keyset({"", "r.id", SortOrder::kAscending}, after, limit);
  auto st = conn_.prepare("SELECT " + std::string(kColumns) + ", NOT " +
                          reply_shown_sql("r", "?4") + " FROM replies r WHERE r.item_id = ?1 AND " +
                          keyset.after_cursor() + keyset.order_and_limit());
  st.bind(1, item).bind(4, viewer);
  keyset.bind(st);
  std::vector<Reply> out;
  while (st.step()) {
    Reply r = read_reply(st);
    if (st.int64(11) != 0) r.hidden = true;
    out.push_back(std::move(r));
  }
  return out;
}

void ReplyRepository::soft_delete(ReplyId id, Micros now) {
  auto st = conn_.prepare("UPDATE replies SET deleted_at = ?2, body = '', html = '' WHERE id = ?1");
  st.bind(1, id).bind(2, now).run();
}

void ReplyRepository::set_hidden(ReplyId id, std::optional<Micros> at) {
  auto st = conn_.prepare("UPDATE replies SET hidden_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind_optional(2, at).run();
}

}  // namespace kring::store
