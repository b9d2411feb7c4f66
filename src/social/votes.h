#pragma once
// Votes on items (POST and DELETE /api/v1/items/{id}/votes): one per member
// per item, on kinds whose row in the kind table takes votes (core/kinds.h),
// cast and withdrawn while the item is at its kind's initial status (for an
// idea: open), so the count a review sees stays the count it saw. Who may
// vote is the policy's kVote/kUnvote rows (a contributor, as for reacting).
// Thread-safe: every call leases its own connection.

#include "core/item.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/notification_hub.h"
#include "store/database.h"
#include "store/vote_repository.h"

namespace kring::social {

// 409 no_votes when the item's kind takes no votes; 409 voting_closed when
// the item has left its kind's initial status. Ok: votes may be cast and
// withdrawn on it now. `can.vote`/`can.unvote` read the same.
Status votes_open(const Item& item);

class Votes {
 public:
  Votes(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Casts (`on`) or withdraws the actor's vote; idempotent either way, and
  // returns the item's count and whether the actor's vote is among it. In
  // order: 404 (401 to a visitor) when the actor may not read the item; the
  // policy's 403 (suspended, not a member of the item's space, an archived
  // space); votes_open()'s 409; 409 vote_limit_reached, naming the limit,
  // when a new vote would give the actor more votes on the space's open
  // items of this kind than its vote_limit (core/space.h VoteSettings).
  // A new vote that brings the count to the space's review_threshold moves
  // the item from its initial status to under_review (where its kind has
  // that move) in the same transaction: the history records the move with
  // the note "Reached N votes" under the voter whose vote made it (a status
  // change, like a notification, always has a member as actor), and the
  // item's status_changed audience is told.
  Result<store::VoteSummary> vote(const Actor& actor, ItemId item, bool on);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
