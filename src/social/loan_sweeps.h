#pragma once
// What kring does on its own about offers and loans, on a housekeeping
// sweep (kring serve's --follow-up-interval):
// - a loan past its due date and not returned: the borrower is reminded
//   once (loan_overdue, from the lender) and the lender told once
//   (loan_overdue_lender, from the borrower); the borrower may not reserve
//   what is offered to lend until it is returned (social/lending.h);
// - an offer with an expiry time: its author is told kExpiryNotice ahead
//   (offer_expiring), and at that time an offer still at the kind's
//   starting status moves by the kind's kring-only move (available ->
//   expired), recorded in its status history under its author's name with
//   a note saying kring made it. Once per expiry time: an author who
//   renews an expired offer (expired -> available) keeps it until they set
//   a new expiry time.
// Thread-safe: every call leases its own connection.

#include "core/time.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

// How long before an offer expires its author hears of it.
inline constexpr Micros kExpiryNotice = 86'400LL * 1'000'000;

class LoanSweeps {
 public:
  LoanSweeps(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Reminds every overdue loan not yet reminded at `now`; returns how many.
  int remind_overdue(Micros now);
  // Tells the authors of offers expiring within kExpiryNotice of `now`
  // and not yet told; returns how many.
  int notice_expiring(Micros now);
  // Expires the offers whose time has come at `now`; returns how many.
  int expire_due(Micros now);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
