#include "store/open_data_repository.h"

#include <stdexcept>

#include "store/item_visibility_sql.h"
#include "store/member_visibility_sql.h"

namespace kring::store {

namespace {

// The statement, built once. Each row's facts come from correlated
// subqueries on the history's (item_id, id) index; the original of a
// duplicate only when the viewer may read it (as DuplicateRepository);
// the last note as the status history shows notes (member_content_rule on
// its actor).
const std::string& open_data_sql() {
  static const std::string sql = [] {
    const std::string original_readable =
        render_sql(item_visible_rule(),
                   {.space_id = "o.space_id", .member_id = "o.author_id", .item_row = "o"});
    const std::string history = "FROM item_status_changes c WHERE c.item_id = i.id";
    std::string q = "SELECT i.id, i.kind, i.title, i.status, i.category, i.lat, i.lon, i.address, ";
    q += "i.vote_count, i.created_at, ";
    q += "(SELECT max(c.changed_at) " + history + "), ";
    q += "(SELECT count(*) " + history + "), ";
    q += "(SELECT c.note " + history + " AND c.note <> '' AND " + member_content_sql("c.actor_id");
    q += " ORDER BY c.id DESC LIMIT 1), ";
    q += "CASE WHEN " + member_content_sql("i.author_id", "m") + " THEN m.handle END, ";
    q += "(SELECT o.id FROM item_duplicates d JOIN items o ON o.id = d.original_id ";
    q += "WHERE d.item_id = i.id AND " + original_readable + ") ";
    q += "FROM items i JOIN members m ON m.id = i.author_id ";
    q += "WHERE i.space_id = ?2 AND i.kind IN (?3, ?4) AND i.hidden_at IS NULL AND i.id > ?5 AND ";
    q += kItemReadableSql + " ORDER BY i.id LIMIT ?6";
    return q;
  }();
  return sql;
}

std::optional<std::string> optional_text(const Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.text(column);
}

std::optional<double> optional_real(const Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.real(column);
}

std::optional<std::int64_t> optional_int64(const Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.int64(column);
}

}  // namespace

std::vector<OpenDataRow> open_data_rows(Connection& conn, const OpenDataQuery& q) {
  if (q.kinds.empty() || q.kinds.size() > 2) {
    throw std::logic_error("open_data_rows takes one or two kinds");
  }
  auto st = conn.prepare(open_data_sql());
  st.bind(1, q.viewer).bind(2, q.space).bind(3, q.kinds.front()).bind(4, q.kinds.back());
  st.bind(5, q.after.value_or(0)).bind(6, q.limit);
  std::vector<OpenDataRow> out;
  out.reserve(static_cast<std::size_t>(q.limit));
  while (st.step()) {
    OpenDataRow r;
    r.id = st.int64(0);
    r.kind = st.text(1);
    r.title = st.text(2);
    r.status = st.text(3);
    r.category = optional_text(st, 4);
    r.lat = optional_real(st, 5);
    r.lon = optional_real(st, 6);
    r.address = optional_text(st, 7);
    r.votes = st.int64(8);
    r.created_at = st.int64(9);
    r.status_changed_at = optional_int64(st, 10);
    r.status_changes = st.int64(11);
    r.last_note = st.is_null(12) ? std::string() : st.text(12);
    r.author = optional_text(st, 13);
    r.duplicate_of = optional_int64(st, 14);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kring::store
