#pragma once
// Loans of offered items (the loans table): who reserved an offer, when it
// was lent and is due, given, returned or cancelled. Runs inside the
// caller's transaction; who may make a move, and what it does to the
// item's status, is the caller's (social/lending.h).
//
// A loan is open while it is neither returned, cancelled nor given: the
// open loan's borrower holds the item (one per item, by the unique index
// of migration 16). It is overdue while lent and not returned past due_at.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "store/database.h"

namespace kring::store {

struct Loan {
  std::int64_t id = 0;  // time-ordered (store/row_ids.h)
  ItemId item_id = 0;
  MemberId borrower_id = 0;
  MemberId lender_id = 0;  // the item's author
  Micros reserved_at = 0;
  std::optional<Micros> lent_at;
  std::optional<Micros> due_at;
  std::optional<Micros> returned_at;
  std::optional<Micros> cancelled_at;
  std::optional<Micros> given_at;
  std::optional<Micros> reminded_at;

  bool open() const { return !returned_at && !cancelled_at && !given_at; }
  bool overdue(Micros now) const { return lent_at && !returned_at && due_at && *due_at < now; }
};

// Which side of the loans a member's list shows, and which of them.
enum class LoanRole { kBorrowed, kLent };
enum class LoanState { kOpen, kPast };

class LoanRepository {
 public:
  explicit LoanRepository(Connection& conn) : conn_(conn) {}

  // The item's open loan, if any.
  std::optional<Loan> open_for(ItemId item);
  // Whether `borrower` has a loan past its due date and not returned, of
  // an item that is not deleted.
  bool has_overdue(MemberId borrower, Micros now);

  // REQUIRES: a write transaction, and no open loan of the item (the
  // unique index throws otherwise). Returns the new loan's id.
  std::int64_t reserve(ItemId item, MemberId borrower, Micros at);
  // Each ends or moves the loan `id`. REQUIRES: a write transaction.
  void cancel(std::int64_t id, Micros at);
  void lend(std::int64_t id, Micros at, Micros due_at);
  void give(std::int64_t id, Micros at);
  void mark_returned(std::int64_t id, Micros at);

  // Loans lent and not returned whose due date passed before `now` and
  // whose borrower has not been reminded, of items not deleted, oldest due
  // first, at most `limit`.
  std::vector<Loan> overdue_unreminded(Micros now, int limit);
  // REQUIRES: a write transaction.
  void mark_reminded(std::int64_t id, Micros at);

  // A member's loans, newest first (keyset on id): borrowed by them or of
  // their items, open or past. Deleted items are left out.
  std::vector<Loan> for_member(MemberId member, LoanRole role, LoanState state,
                               std::optional<CursorKey> after, int limit);

 private:
  Connection& conn_;
};

}  // namespace kring::store
