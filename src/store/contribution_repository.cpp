#include "store/contribution_repository.h"

#include <tuple>
#include <utility>

#include "store/item_visibility_sql.h"
#include "store/keyset.h"
#include "store/row_ids.h"

namespace kring::store {

namespace {

constexpr std::string_view kColumns =
    "c.id, c.item_id, c.giver_id, c.receiver_id, c.kind, c.amount, c.goal_position, c.note, "
    "c.status, c.created_at, c.delivered_at, c.decided_at, c.decided_by, c.decision_note";

std::optional<std::int64_t> optional_int(const Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.int64(column);
}

Contribution read_row(const Statement& st) {
  Contribution c;
  c.id = st.int64(0);
  c.item_id = st.int64(1);
  c.giver_id = st.int64(2);
  c.receiver_id = st.int64(3);
  c.kind = st.text(4);
  c.amount = st.int64(5);
  c.goal = optional_int(st, 6);
  c.note = st.text(7);
  c.status = st.text(8);
  c.created_at = st.int64(9);
  c.delivered_at = optional_int(st, 10);
  c.decided_at = optional_int(st, 11);
  c.decided_by = optional_int(st, 12);
  c.decision_note = st.text(13);
  return c;
}

// The rows of a filter on items the viewer (?1) may read; the filter's id is ?2.
std::string filtered_rows(const ContributionFilter& filter) {
  std::string where;
  switch (filter.by) {
    case ContributionFilter::By::kItem:
      where = "c.item_id = ?2";
      break;
    case ContributionFilter::By::kSpace:
      where = "i.space_id = ?2";
      break;
    case ContributionFilter::By::kGiver:
      where = "c.giver_id = ?2";
      break;
    case ContributionFilter::By::kReceiver:
      where = "c.receiver_id = ?2";
      break;
    case ContributionFilter::By::kGiverOrReceiver:
      where = "(c.giver_id = ?2 OR c.receiver_id = ?2)";
      break;
  }
  return " FROM contributions c JOIN items i ON i.id = c.item_id WHERE " + where +
         " AND i.deleted_at IS NULL AND " + kItemReadableSql;
}

std::string quoted_in(std::span<const std::string_view> statuses) {
  std::string out = "(";
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    out += (i ? ", '" : "'") + std::string(statuses[i]) + "'";
  }
  return out + ")";
}

}  // namespace

std::int64_t ContributionRepository::insert(const Contribution& c) {
  const std::int64_t id = allocate_row_id(conn_, IdTable::kContributions, c.created_at);
  auto st = conn_.prepare(
      "INSERT INTO contributions (id, item_id, giver_id, receiver_id, kind, amount, "
      "goal_position, note, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, id).bind(2, c.item_id).bind(3, c.giver_id).bind(4, c.receiver_id).bind(5, c.kind);
  st.bind(6, c.amount).bind_optional(7, c.goal).bind(8, c.note).bind(9, c.status);
  st.bind(10, c.created_at).run();
  return id;
}

std::optional<Contribution> ContributionRepository::find(std::int64_t id) {
  auto st =
      conn_.prepare("SELECT " + std::string(kColumns) + " FROM contributions c WHERE c.id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

bool ContributionRepository::move(std::int64_t id, std::span<const std::string_view> from,
                                  std::string_view to, Micros at, std::optional<MemberId> by,
                                  const std::string& note) {
  const bool delivered = to == "delivered";
  const bool decided = to == "confirmed" || to == "declined" || to == "void";
  std::string sql = "UPDATE contributions SET status = ?2";
  if (delivered) sql += ", delivered_at = ?3";
  if (decided) sql += ", decided_at = ?3, decided_by = ?4, decision_note = ?5";
  sql += " WHERE id = ?1 AND status IN " + quoted_in(from);
  auto st = conn_.prepare(sql);
  st.bind(1, id).bind(2, to);
  if (delivered || decided) st.bind(3, at);
  if (decided) st.bind_optional(4, by).bind(5, note);
  st.run();
  return conn_.changes() == 1;
}

std::vector<Contribution> ContributionRepository::list(const ContributionFilter& filter,
                                                       MemberId viewer,
                                                       std::optional<CursorKey> after, int limit) {
  Keyset keyset({"", "c.id", SortOrder::kDescending}, after, limit);
  auto st = conn_.prepare("SELECT " + std::string(kColumns) + filtered_rows(filter) + " AND " +
                          keyset.after_cursor() + keyset.order_and_limit());
  st.bind(1, viewer).bind(2, filter.id);
  keyset.bind(st);
  std::vector<Contribution> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::vector<ContributionTotal> ContributionRepository::totals(const ContributionFilter& filter,
                                                              MemberId viewer) {
  auto st = conn_.prepare("SELECT c.kind, c.status, count(*), sum(c.amount)" +
                          filtered_rows(filter) + " GROUP BY c.kind, c.status");
  st.bind(1, viewer).bind(2, filter.id);
  std::vector<ContributionTotal> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2), st.int64(3)});
  return out;
}

std::vector<GoalTotal> ContributionRepository::goal_totals(ItemId item) {
  auto st = conn_.prepare(
      "SELECT goal, kind, status, amount FROM contribution_totals WHERE item_id = ?1");
  st.bind(1, item);
  std::vector<GoalTotal> out;
  while (st.step()) out.push_back({st.int64(0), st.text(1), st.text(2), st.int64(3)});
  return out;
}

TimeTotals ContributionRepository::time_totals(MemberId member) {
  // A giver is never the receiver, so the two sides are two sums, each on
  // its own index (contributions_by_giver, contributions_by_receiver).
  auto sums = [&](std::string_view side) {
    auto st = conn_.prepare(
        "SELECT coalesce(sum(CASE WHEN status = 'confirmed' THEN amount END), 0), "
        "coalesce(sum(CASE WHEN status IN ('pledged', 'delivered') THEN amount END), 0) "
        "FROM contributions WHERE " +
        std::string(side) + " = ?1 AND kind = 'time'");
    st.bind(1, member);
    st.step();
    return std::pair{st.int64(0), st.int64(1)};
  };
  TimeTotals t;
  std::tie(t.given_confirmed, t.given_open) = sums("giver_id");
  std::tie(t.received_confirmed, t.received_open) = sums("receiver_id");
  return t;
}

std::vector<ItemId> ContributionRepository::due_initiatives(Micros now, int limit) {
  auto st = conn_.prepare(
      "SELECT id FROM items WHERE deadline <= ?1 AND kind = 'initiative' AND status = 'open' "
      "AND minimum IS NOT NULL AND deleted_at IS NULL ORDER BY deadline, id LIMIT ?2");
  st.bind(1, now).bind(2, limit);
  std::vector<ItemId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<MemberId> ContributionRepository::pledgers(ItemId item) {
  auto st = conn_.prepare(
      "SELECT DISTINCT giver_id FROM contributions WHERE item_id = ?1 "
      "AND status IN ('pledged', 'delivered', 'confirmed') ORDER BY giver_id");
  st.bind(1, item);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

int ContributionRepository::void_open(ItemId item, Micros at) {
  auto st = conn_.prepare(
      "UPDATE contributions SET status = 'void', decided_at = ?2, decided_by = NULL "
      "WHERE item_id = ?1 AND status IN ('pledged', 'delivered')");
  st.bind(1, item).bind(2, at).run();
  return conn_.changes();
}

}  // namespace kring::store
