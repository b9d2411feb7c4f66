#pragma once
// Which item is a duplicate of which (item_duplicates): set when a moderator
// moves an item to its kind's `duplicate` status, pointing at the original.
// Only the link is kept; votes, replies and followers stay where they are
// (a vote is never moved without its voter). Runs inside the caller's
// transaction; whether the link is allowed is the caller's
// (social/item_status.h).

#include <optional>
#include <vector>

#include "core/item.h"
#include "store/database.h"

namespace kring::store {

class DuplicateRepository {
 public:
  explicit DuplicateRepository(Connection& conn) : conn_(conn) {}

  // Marks `item` a duplicate of `original`, replacing an earlier link.
  // REQUIRES: a write transaction.
  void mark(ItemId item, ItemId original, Micros now);
  // The original `item` duplicates, when `viewer` (0: a visitor) may read it.
  std::optional<ItemId> original_of(ItemId item, MemberId viewer);
  // The items marked duplicates of `original` that `viewer` may read,
  // oldest first, at most `limit`.
  std::vector<ItemId> duplicates_of(ItemId original, MemberId viewer, int limit);

 private:
  Connection& conn_;
};

}  // namespace kring::store
