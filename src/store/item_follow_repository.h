#pragma once
// Members following items (item_follows): at most one row per member per
// item, kept by the table's primary key, so two requests at once still make
// one follow. Followers hear of the item's status changes (the
// kItemFollowers audience, store/audience_repository.h). Runs inside the
// caller's transaction; whether the member may follow is the caller's
// (social/item_follows.h).

#include <cstdint>

#include "core/item.h"
#include "core/member.h"
#include "store/database.h"

namespace kring::store {

struct FollowSummary {
  // Followers who are not suspended: a suspended member's follow stays, but
  // like their vote it does not count (and they are not told) while they
  // are suspended.
  std::int64_t followers = 0;
  bool following = false;  // the viewer follows the item (counted or not)
};

class ItemFollowRepository {
 public:
  explicit ItemFollowRepository(Connection& conn) : conn_(conn) {}

  // True when the follow is new. REQUIRES: a write transaction.
  bool put(ItemId item, MemberId member, Micros now);
  // True when there was a follow to end. REQUIRES: a write transaction.
  bool remove(ItemId item, MemberId member);
  // `viewer` 0: a visitor, who follows nothing.
  FollowSummary summary(ItemId item, MemberId viewer);

 private:
  Connection& conn_;
};

}  // namespace kring::store
