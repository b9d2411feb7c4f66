#pragma once
// Moving an item along its kind's workflow (core/kinds.h), and the item's
// status history. Who may make a move is the kind table's transition read
// by the policy (decide_transition in social/policy.h); who is told is the
// audience table's status_changed row (social/audiences.h).
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "social/member_view.h"
#include "social/notification_hub.h"
#include "store/database.h"
#include "store/status_change_repository.h"

namespace kring::social {

// A status note is plain text (not Markdown), one to a few sentences.
inline constexpr size_t kStatusNoteMax = 1000;

struct StatusMove {
  std::string status;
  std::optional<std::string> note;
  // The original, for (and only for) a move to kDuplicateStatus.
  std::optional<ItemId> duplicate_of;
};

// One entry of an item's status history as one reader sees it: the move,
// and who made it with their note unless what that member does is not shown
// to the reader (suspended, a block between them): then actor is empty and
// the note blank, and the move itself stays, so the history still leads to
// the item's status.
struct StatusChangeView {
  store::StatusChange change;
  std::optional<MemberView> actor;
};

class ItemStatuses {
 public:
  ItemStatuses(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Moves the item to `move.status`, keeping the move (with its note) in
  // the item's history, and tells the item's author and repliers. In order:
  // 404 (401 to a visitor) when the actor may not read the item; 409
  // no_workflow for a kind without statuses; 400 invalid_status for a
  // status the kind does not have (the message names its statuses); 400
  // invalid_text/invalid_character/too long for the note; 400
  // missing_duplicate_of for a move to kDuplicateStatus without the
  // original, invalid_duplicate_of for one given with another status; 409
  // invalid_transition, with `allowed` (the statuses the actor may move the
  // item to from here), when the kind has no move from the item's status to
  // this one, the same status included; the policy's 401/403 when the move
  // exists but the actor may not make it; 409 loan_move, naming the route,
  // for a move the lending verbs make (social/lending.h: reserving,
  // cancelling a reservation, lending, giving, confirming a return), so
  // that no loan row is skipped; then for a duplicate's original:
  // 400 invalid_duplicate_of when it is the item itself, of another kind or
  // in another space, 404 when the actor may not read it, 409
  // original_is_duplicate when it is a duplicate itself (the message names
  // its original). A duplicate is linked to its original (both show it);
  // nothing else moves, votes least of all. Returns the item as the actor
  // now sees it, with `can`.
  Result<ItemView> move(const Actor& actor, ItemId id, const StatusMove& move);

  // The item's status changes, newest first, keyset-paged on their id; 404
  // (401 to a visitor, as for the item) unless the viewer may read the item.
  Result<Page<StatusChangeView>> history(const Actor& viewer, ItemId id,
                                         const PageRequest& request);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
