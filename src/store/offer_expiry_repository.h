#pragma once
// Offers that expire (items.expires_at on a kind that takes it): which are
// about to, which are due, and the notice and expiry already made for each
// expiry time (offer_expiries, migration 19). Keyed by the item and its
// expires_at, so a new expiry time the author sets is noticed and expired
// anew, and an offer its author renewed after it expired (expired ->
// available, same time) is not expired again. Runs inside the caller's
// transaction; what a notice or an expiry does is the caller's
// (social/loan_sweeps.h).

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "store/database.h"

namespace kring::store {

struct ExpiringOffer {
  ItemId item_id = 0;
  MemberId author_id = 0;
  Micros expires_at = 0;
};

class OfferExpiryRepository {
 public:
  explicit OfferExpiryRepository(Connection& conn) : conn_(conn) {}

  // Items of `kind` at `status` expiring after `from` and at or before
  // `until` whose author has not been told of that expiry time, soonest
  // first, at most `limit`; deleted items left out.
  std::vector<ExpiringOffer> to_notice(std::string_view kind, std::string_view status, Micros from,
                                       Micros until, int limit);
  // Items of `kind` at `status` whose expiry time is at or before `now`
  // and has not expired them before, soonest first, at most `limit`.
  std::vector<ExpiringOffer> to_expire(std::string_view kind, std::string_view status, Micros now,
                                       int limit);
  // REQUIRES: a write transaction. Each keeps what the other recorded.
  void mark_noticed(const ExpiringOffer& offer, Micros at);
  void mark_expired(const ExpiringOffer& offer, Micros at);

 private:
  Connection& conn_;
};

}  // namespace kring::store
