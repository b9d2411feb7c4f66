#include "social/loan_sweeps.h"

#include "core/kinds.h"
#include "social/notifier.h"
#include "store/item_repository.h"
#include "store/loan_repository.h"
#include "store/offer_expiry_repository.h"
#include "store/status_change_repository.h"

namespace kring::social {

namespace {

// Rows handled per sweep; the rest wait for the next, so one sweep after a
// long stop does not hold the write lock for long.
constexpr int kPerSweep = 500;

// The move kring makes at an item's expiry time: of a kind that takes
// expires_at, its transition open to kring alone (available -> expired).
const StatusTransition* expiry_move(const ItemKindRule& kind) {
  if (!kind.takes(ItemField::kExpiresAt)) return nullptr;
  for (const auto& t : kind.transitions) {
    if (t.by.contains(Standing::kInstance)) return &t;
  }
  return nullptr;
}

}  // namespace

int LoanSweeps::remind_overdue(Micros now) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::LoanRepository loans(*conn);
  Notifier notifier(*conn, hub_);
  int reminded = 0;
  for (const auto& loan : loans.overdue_unreminded(now, kPerSweep)) {
    loans.mark_reminded(loan.id, now);
    notifier.notify({.kinds = {NotificationKind::kLoanOverdue},
                     .actor = loan.lender_id,
                     .item = loan.item_id,
                     .member = loan.borrower_id});
    notifier.notify({.kinds = {NotificationKind::kLoanOverdueLender},
                     .actor = loan.borrower_id,
                     .item = loan.item_id});
    ++reminded;
  }
  tx.commit();
  notifier.publish();
  return reminded;
}

int LoanSweeps::notice_expiring(Micros now) {
  int noticed = 0;
  for (const auto& kind : item_kinds()) {
    const StatusTransition* move = expiry_move(kind);
    if (!move) continue;
    auto conn = db_.lease();
    store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
    store::OfferExpiryRepository expiries(*conn);
    Notifier notifier(*conn, hub_);
    for (const auto& offer :
         expiries.to_notice(kind.kind, move->from, now, now + kExpiryNotice, kPerSweep)) {
      expiries.mark_noticed(offer, now);
      notifier.notify({.kinds = {NotificationKind::kOfferExpiring},
                       .actor = offer.author_id,
                       .item = offer.item_id,
                       .by_kring = true});
      ++noticed;
    }
    tx.commit();
    notifier.publish();
  }
  return noticed;
}

int LoanSweeps::expire_due(Micros now) {
  int expired = 0;
  for (const auto& kind : item_kinds()) {
    const StatusTransition* move = expiry_move(kind);
    if (!move) continue;
    auto conn = db_.lease();
    store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
    store::OfferExpiryRepository expiries(*conn);
    store::ItemRepository items(*conn);
    store::StatusChangeRepository changes(*conn);
    Notifier notifier(*conn, hub_);
    for (const auto& offer : expiries.to_expire(kind.kind, move->from, now, kPerSweep)) {
      expiries.mark_expired(offer, now);
      store::StatusChange change;
      change.item_id = offer.item_id;
      change.from_status = std::string(move->from);
      change.to_status = std::string(move->to);
      change.actor_id = offer.author_id;
      change.note = "Expired at its expiry time (kring).";
      change.changed_at = now;
      changes.record(change);
      items.set_status(offer.item_id, change.to_status);
      notifier.notify({.kinds = {NotificationKind::kStatusChanged},
                       .actor = offer.author_id,
                       .item = offer.item_id,
                       .by_kring = true});
      ++expired;
    }
    tx.commit();
    notifier.publish();
  }
  return expired;
}

}  // namespace kring::social
