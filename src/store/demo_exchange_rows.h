#pragma once
// The rows of the contribution economy (migration 16) written as they are,
// for the demo loader (social/demo/demo_exchange.h), which plans a past
// that the services would have written one request at a time: co-organisers,
// the ledger, RSVPs and loans. Nothing here checks a rule; the caller's plan
// is consistent (social/demo/demo_exchange.cpp says how), and totals are
// computed from these rows, so none are kept beside them.
// Runs inside the caller's write transaction. Rows are written in the
// caller's order: the demo writes them in time order, so that ids grow
// with their dates.

#include <cstdint>
#include <optional>
#include <string>

#include "core/item.h"
#include "core/member.h"
#include "core/time.h"
#include "store/database.h"

namespace kring::store {

struct OrganiserRow {
  ItemId item_id = 0;
  MemberId member_id = 0;
  Micros added_at = 0;
};

struct ContributionRow {
  ItemId item_id = 0;
  MemberId giver_id = 0;
  MemberId receiver_id = 0;
  std::string kind;         // one of contribution_kinds()
  std::int64_t amount = 0;  // > 0, in the kind's unit
  std::optional<std::int64_t> goal_position;
  std::string note;
  std::string status;  // pledged, delivered, confirmed, declined, withdrawn, void
  Micros created_at = 0;
  std::optional<Micros> delivered_at;
  std::optional<Micros> decided_at;
  std::optional<MemberId> decided_by;
};

struct RsvpRow {
  ItemId item_id = 0;
  MemberId member_id = 0;
  std::string state;  // going or waitlisted
  std::int64_t guests = 0;
  std::int64_t position = 0;
  Micros responded_at = 0;
  std::optional<Micros> checked_in_at;
};

struct LoanRow {
  ItemId item_id = 0;
  MemberId borrower_id = 0;
  Micros reserved_at = 0;
  std::optional<Micros> lent_at;
  std::optional<Micros> due_at;
  std::optional<Micros> returned_at;
  std::optional<Micros> cancelled_at;
};

class DemoExchangeRows {
 public:
  explicit DemoExchangeRows(Connection& conn) : conn_(conn) {}

  void add_organiser(const OrganiserRow& row);
  // The contribution's and the loan's ids (INTEGER PRIMARY KEY, one above
  // the largest so far).
  std::int64_t add_contribution(const ContributionRow& row);
  void add_rsvp(const RsvpRow& row);
  std::int64_t add_loan(const LoanRow& row);

 private:
  Connection& conn_;
};

}  // namespace kring::store
