#include "social/loan_view.h"

#include "core/kinds.h"
#include "core/time.h"
#include "store/member_repository.h"

namespace kring::social {

bool takes_loans(const Item& item) {
  const ItemKindRule* kind = find_item_kind(item.kind);
  return kind && kind->takes(ItemField::kOfferMode);
}

LoanView view_loan(store::Connection& conn, MemberId viewer, store::Loan loan) {
  LoanView v;
  v.overdue = loan.overdue(now_micros());
  const bool party = viewer != 0 && (viewer == loan.lender_id || viewer == loan.borrower_id);
  if (party) {
    if (auto m = store::MemberRepository(conn).find_by_id(loan.borrower_id)) {
      v.holder = view_member(conn, viewer, std::move(*m), false);
    }
  }
  v.loan = std::move(loan);
  return v;
}

std::optional<LoanView> view_open_loan(store::Connection& conn, MemberId viewer, const Item& item) {
  if (!takes_loans(item)) return std::nullopt;
  auto loan = store::LoanRepository(conn).open_for(item.id);
  if (!loan) return std::nullopt;
  return view_loan(conn, viewer, std::move(*loan));
}

}  // namespace kring::social
