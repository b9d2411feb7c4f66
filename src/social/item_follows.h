#pragma once
// Following an item (PUT and DELETE /api/v1/items/{id}/follow): a member who
// follows an item is told of its status changes (the status_changed row of
// social/audiences), as its author, voters and repliers are. Any kind may
// be followed; what a member may follow is the policy's kFollowItem row (a
// signed-in member who is not suspended, on an item they may read).
// Thread-safe: every call leases its own connection.

#include "core/item.h"
#include "core/result.h"
#include "social/actor.h"
#include "store/database.h"
#include "store/item_follow_repository.h"

namespace kring::social {

class ItemFollows {
 public:
  explicit ItemFollows(store::Database& db) : db_(db) {}

  // Follows (`on`) or stops following; idempotent either way, and returns
  // the item's follower count and whether the actor follows it now. 404
  // (401 to a visitor) when the actor may not read the item; 403 for a
  // suspended member.
  Result<store::FollowSummary> follow(const Actor& actor, ItemId item, bool on);

 private:
  store::Database& db_;
};

}  // namespace kring::social
