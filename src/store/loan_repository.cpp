#include "store/loan_repository.h"

#include <string>

#include "store/keyset.h"
#include "store/row_ids.h"

namespace kring::store {

namespace {

constexpr std::string_view kColumns =
    "l.id, l.item_id, l.borrower_id, i.author_id, l.reserved_at, l.lent_at, l.due_at, "
    "l.returned_at, l.cancelled_at, l.given_at, l.reminded_at";

constexpr std::string_view kOpen =
    "l.returned_at IS NULL AND l.cancelled_at IS NULL AND l.given_at IS NULL";

std::optional<Micros> optional_time(const Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.int64(column);
}

Loan read_loan(const Statement& st) {
  Loan l;
  l.id = st.int64(0);
  l.item_id = st.int64(1);
  l.borrower_id = st.int64(2);
  l.lender_id = st.int64(3);
  l.reserved_at = st.int64(4);
  l.lent_at = optional_time(st, 5);
  l.due_at = optional_time(st, 6);
  l.returned_at = optional_time(st, 7);
  l.cancelled_at = optional_time(st, 8);
  l.given_at = optional_time(st, 9);
  l.reminded_at = optional_time(st, 10);
  return l;
}

std::string select_loans() {
  return "SELECT " + std::string(kColumns) + " FROM loans l JOIN items i ON i.id = l.item_id ";
}

}  // namespace

std::optional<Loan> LoanRepository::open_for(ItemId item) {
  auto st = conn_.prepare(select_loans() + "WHERE l.item_id = ?1 AND " + std::string(kOpen));
  st.bind(1, item);
  if (!st.step()) return std::nullopt;
  return read_loan(st);
}

bool LoanRepository::has_overdue(MemberId borrower, Micros now) {
  auto st = conn_.prepare(
      "SELECT 1 FROM loans l JOIN items i ON i.id = l.item_id WHERE l.borrower_id = ?1 "
      "AND l.lent_at IS NOT NULL AND l.returned_at IS NULL AND l.due_at < ?2 "
      "AND i.deleted_at IS NULL LIMIT 1");
  st.bind(1, borrower).bind(2, now);
  return st.step();
}

std::int64_t LoanRepository::reserve(ItemId item, MemberId borrower, Micros at) {
  const std::int64_t id = allocate_row_id(conn_, IdTable::kLoans, at);
  auto st = conn_.prepare(
      "INSERT INTO loans (id, item_id, borrower_id, reserved_at) VALUES (?1, ?2, ?3, ?4)");
  st.bind(1, id).bind(2, item).bind(3, borrower).bind(4, at).run();
  return id;
}

void LoanRepository::cancel(std::int64_t id, Micros at) {
  auto st = conn_.prepare("UPDATE loans SET cancelled_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, at).run();
}

void LoanRepository::lend(std::int64_t id, Micros at, Micros due_at) {
  auto st = conn_.prepare("UPDATE loans SET lent_at = ?2, due_at = ?3 WHERE id = ?1");
  st.bind(1, id).bind(2, at).bind(3, due_at).run();
}

void LoanRepository::give(std::int64_t id, Micros at) {
  auto st = conn_.prepare("UPDATE loans SET given_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, at).run();
}

void LoanRepository::mark_returned(std::int64_t id, Micros at) {
  auto st = conn_.prepare("UPDATE loans SET returned_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, at).run();
}

std::vector<Loan> LoanRepository::overdue_unreminded(Micros now, int limit) {
  // loans_due: the range of due dates before now among lent, unreturned loans.
  auto st = conn_.prepare(select_loans() +
                          "WHERE l.lent_at IS NOT NULL AND l.returned_at IS NULL AND l.due_at < ?1 "
                          "AND l.reminded_at IS NULL AND i.deleted_at IS NULL "
                          "ORDER BY l.due_at LIMIT ?2");
  st.bind(1, now).bind(2, limit);
  std::vector<Loan> out;
  while (st.step()) out.push_back(read_loan(st));
  return out;
}

void LoanRepository::mark_reminded(std::int64_t id, Micros at) {
  auto st = conn_.prepare("UPDATE loans SET reminded_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, at).run();
}

std::vector<Loan> LoanRepository::for_member(MemberId member, LoanRole role, LoanState state,
                                             std::optional<CursorKey> after, int limit) {
  Keyset keyset({"", "l.id", SortOrder::kDescending}, after, limit);
  const std::string who = role == LoanRole::kBorrowed ? "l.borrower_id = ?1" : "i.author_id = ?1";
  const std::string which =
      state == LoanState::kOpen ? std::string(kOpen) : "NOT (" + std::string(kOpen) + ")";
  auto st = conn_.prepare(select_loans() + "WHERE " + who + " AND " + which +
                          " AND i.deleted_at IS NULL AND " + keyset.after_cursor() +
                          keyset.order_and_limit());
  st.bind(1, member);
  keyset.bind(st);
  std::vector<Loan> out;
  while (st.step()) out.push_back(read_loan(st));
  return out;
}

}  // namespace kring::store
