#pragma once
// An item's status changes (item_status_changes): each move along its kind's
// workflow, who made it and the note they gave. Runs inside the caller's
// transaction; whether the move is allowed, and who may read the history, is
// the caller's (social/item_status.h).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "store/database.h"

namespace kring::store {

struct StatusChange {
  std::int64_t id = 0;  // time-ordered (store/row_ids.h); orders an item's changes
  ItemId item_id = 0;
  std::string from_status;
  std::string to_status;
  MemberId actor_id = 0;
  std::string note;
  Micros changed_at = 0;
  // Whether what the actor did is shown to the reader (member_content_rule:
  // not when the actor is suspended or in a block with the reader). When
  // false the reader gets the move without its actor and note.
  bool actor_shown = true;
};

class StatusChangeRepository {
 public:
  explicit StatusChangeRepository(Connection& conn) : conn_(conn) {}

  // Records the change under a new time-ordered id (the item's own status
  // is ItemRepository::set_status). REQUIRES: a write transaction.
  std::int64_t record(const StatusChange& change);
  // The item's changes newest first, keyset-paged on id, each with
  // actor_shown for `viewer` (0: a visitor).
  std::vector<StatusChange> for_item(ItemId item, MemberId viewer, std::optional<CursorKey> after,
                                     int limit);
  // When the item last moved to `status` (its latest change into it);
  // nullopt when it never moved there (it started there).
  std::optional<Micros> entered_at(ItemId item, const std::string& status);

 private:
  Connection& conn_;
};

}  // namespace kring::store
