#include "store/demo_exchange_rows.h"

namespace kring::store {

void DemoExchangeRows::add_organiser(const OrganiserRow& row) {
  auto st = conn_.prepare(
      "INSERT INTO item_organisers (item_id, member_id, added_at) VALUES (?1, ?2, ?3)");
  st.bind(1, row.item_id).bind(2, row.member_id).bind(3, row.added_at).run();
}

std::int64_t DemoExchangeRows::add_contribution(const ContributionRow& row) {
  auto st = conn_.prepare(
      "INSERT INTO contributions (item_id, giver_id, receiver_id, kind, amount, goal_position, "
      "note, status, created_at, delivered_at, decided_at, decided_by) VALUES (?1, ?2, ?3, ?4, "
      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  st.bind(1, row.item_id).bind(2, row.giver_id).bind(3, row.receiver_id).bind(4, row.kind);
  st.bind(5, row.amount).bind_optional(6, row.goal_position).bind(7, row.note);
  st.bind(8, row.status).bind(9, row.created_at).bind_optional(10, row.delivered_at);
  st.bind_optional(11, row.decided_at).bind_optional(12, row.decided_by);
  st.run();
  return conn_.last_insert_id();
}

void DemoExchangeRows::add_rsvp(const RsvpRow& row) {
  auto st = conn_.prepare(
      "INSERT INTO rsvps (item_id, member_id, state, guests, position, responded_at, "
      "checked_in_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, row.item_id).bind(2, row.member_id).bind(3, row.state).bind(4, row.guests);
  st.bind(5, row.position).bind(6, row.responded_at).bind_optional(7, row.checked_in_at);
  st.run();
}

std::int64_t DemoExchangeRows::add_loan(const LoanRow& row) {
  auto st = conn_.prepare(
      "INSERT INTO loans (item_id, borrower_id, reserved_at, lent_at, due_at, returned_at, "
      "cancelled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, row.item_id).bind(2, row.borrower_id).bind(3, row.reserved_at);
  st.bind_optional(4, row.lent_at).bind_optional(5, row.due_at);
  st.bind_optional(6, row.returned_at).bind_optional(7, row.cancelled_at);
  st.run();
  return conn_.last_insert_id();
}

}  // namespace kring::store
