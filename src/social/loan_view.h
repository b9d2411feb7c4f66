#pragma once
// An offer's open loan as one viewer sees it (the item view's `loan`):
// when it was reserved, lent and is due, whether it is overdue, and who
// holds it, shown only to the offer's author and to the holder themself.

#include <optional>

#include "core/item.h"
#include "social/member_view.h"
#include "store/database.h"
#include "store/loan_repository.h"

namespace kring::social {

struct LoanView {
  store::Loan loan;
  std::optional<MemberView> holder;  // to the author and the holder only
  bool overdue = false;
};

// Whether items of this kind are lent and given through loans: the kinds
// that take an offer mode (core/kinds.h ItemField::kOfferMode).
bool takes_loans(const Item& item);

// The item's open loan as `viewer` sees it; nullopt when it has none or its
// kind takes no loans. REQUIRES: the viewer may read the item.
std::optional<LoanView> view_open_loan(store::Connection& conn, MemberId viewer, const Item& item);

// A loan of a member's list (GET /api/v1/me/loans) as `viewer` sees it:
// the holder is shown when the viewer lent or borrowed it.
LoanView view_loan(store::Connection& conn, MemberId viewer, store::Loan loan);

}  // namespace kring::social
