#pragma once
// Follow-up questions (the kind table's FollowUp, core/kinds.h): some days
// after an item reaches the asking status its author is asked, once, whether
// it is done ("is it fixed?" a week after a report is solved), by a
// fixed_check notification from whoever made the move. The author answers
// in one click: yes keeps the status, no reopens it by the kind's reopen
// move, under every rule a status move obeys (social/item_status.h). The
// author may answer before being asked; then they are not asked.
// Thread-safe: every call leases its own connection.

#include "core/result.h"
#include "core/time.h"
#include "social/actor.h"
#include "social/item_status.h"
#include "social/item_view.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

class FollowUps {
 public:
  FollowUps(store::Database& db, NotificationHub& hub, ItemStatuses& statuses)
      : db_(db), hub_(hub), statuses_(statuses) {}

  // Asks every question that is due at `now`; returns how many were asked.
  // A status reached longer ago than the author could still reopen it is
  // not asked about any more (the window is the reopen move's).
  int ask_due(Micros now);

  // The author's answer. In order: 404 (401 to a visitor) unless the actor
  // may read the item; 409 no_follow_up when the item's kind asks nothing
  // or the item is not at the asking status; the policy's 403 unless the
  // actor is the item's author (not suspended); 409 already_answered. No:
  // the reopen move's own refusals (the window closed). Returns the item as
  // the actor now sees it.
  Result<ItemView> answer(const Actor& actor, ItemId id, bool fixed);

 private:
  store::Database& db_;
  NotificationHub& hub_;
  ItemStatuses& statuses_;
};

}  // namespace kring::social
