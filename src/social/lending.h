#pragma once
// Lending and giving what is offered: the offer kind's moves that carry a
// loan row (store/loan_repository.h). A member reserves an available offer
// (a loan opens for them: they hold it); the author or the holder cancels
// the reservation; the author lends it with a due date (offer mode `lend`)
// or gives it (modes `give` and `help`); the lender confirms its return.
// Each verb is one transition of the kind table (core/kinds.cpp, the offer
// row) taken under the verb's own Action (social/policy.h), with the
// holder's standing filled from the open loan. The plain status endpoint
// refuses these moves (loan_moves(), social/item_status.cpp), so no loan
// row is ever skipped.
//
// A borrower with a loan past its due date and not returned may not reserve
// anything offered to lend until it is returned (409 overdue_loan); the
// overdue reminders and offer expiry are social/loan_sweeps.h.
//
// Nothing here writes to the ledger (social/contributions): a loan or a
// gift is recorded as its loan row and the offer's status history.
//
// Thread-safe: every call leases its own connection; each verb is one write
// transaction (BEGIN IMMEDIATE), so of members reserving one offer at once
// exactly one gets it.

#include <optional>
#include <span>
#include <string_view>

#include "core/item.h"
#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/can.h"
#include "social/item_view.h"
#include "social/loan_view.h"
#include "social/notification_hub.h"
#include "social/policy.h"
#include "store/database.h"
#include "store/loan_repository.h"

namespace kring::social {

// The longest loan one may agree on: due at most this many days ahead.
inline constexpr int kMaxLoanDays = 366;

// One lending verb: its action, the offer transition it makes, the offer
// modes it is for (empty: every mode), its `can` key and its route.
struct LoanMove {
  Action action;
  std::string_view from;
  std::string_view to;
  std::span<const std::string_view> modes;
  std::string_view can_key;
  std::string_view route;
};

// Every lending verb, in the order `can` lists them.
std::span<const LoanMove> loan_moves();
// The lending verb that makes the move from -> to on this item's kind, or
// nullptr: then the plain status endpoint makes it.
const LoanMove* loan_move(const Item& item, std::string_view from, std::string_view to);

// Adds the lending verbs' `can` entries (reserve, cancel_reservation, lend,
// give, return) of an offer: each true when the verb's transition leaves
// the item's status, the policy allows it, the offer's mode takes it, and
// for reserve the viewer is not barred by an overdue loan. `item` is the
// viewer's standing with the holder filled (StandingCache::item).
void add_loan_can(store::Connection& conn, const Actor& actor, const Resource& item,
                  const Item& row, Can& can);

// A loan in a member's list, with the offer as they may read it (null when
// they no longer may: they left its space).
struct LoanEntry {
  LoanView loan;
  std::optional<ItemView> item;
};

class Lending {
 public:
  Lending(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Each verb answers, in order: 404 (401 to a visitor) unless the actor
  // may read the item; 409 not_an_offer for an item whose kind takes no
  // loans; the policy's 401/403 for the verb's transition (404 when a
  // block stands between the actor and the author, for reserve); 409
  // wrong_offer_mode when the offer's mode is not the verb's (lending
  // something offered to give); 409 already_reserved (reserve, when it is
  // reserved or lent) or invalid_transition (the item is not where the
  // verb starts, with `allowed`); then the verb's own refusals. Each
  // records the move in the status history, tells the other side and the
  // item's followers, and returns the item as the actor now sees it.

  // available -> reserved, a loan opening for the actor (a member other
  // than the author who may take part where the offer is). 409
  // overdue_loan when the offer is to lend and the actor has an overdue
  // loan.
  Result<ItemView> reserve(const Actor& actor, ItemId id);
  // reserved -> available, the loan cancelled: by the author or the holder.
  Result<ItemView> cancel_reservation(const Actor& actor, ItemId id);
  // reserved -> lent, due at `due_at`: by the author, mode lend. 400
  // missing_due_at without it, due_in_past when not in the future,
  // due_too_far beyond kMaxLoanDays.
  Result<ItemView> lend(const Actor& actor, ItemId id, std::optional<Micros> due_at);
  // reserved -> given: by the author, modes give and help.
  Result<ItemView> give(const Actor& actor, ItemId id);
  // lent -> returned, the loan's returned_at set: by the lender.
  Result<ItemView> confirm_return(const Actor& actor, ItemId id);

  // The actor's loans, newest first, keyset-paged: borrowed by them or of
  // their offers, open (reserved or lent) or past (returned, given,
  // cancelled). 401 to a visitor.
  Result<Page<LoanEntry>> loans(const Actor& actor, store::LoanRole role, store::LoanState state,
                                const PageRequest& request);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
