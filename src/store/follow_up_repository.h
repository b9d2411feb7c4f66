#pragma once
// Follow-up questions to an item's author (item_follow_ups; the kind
// table's FollowUp in core/kinds.h). Runs inside the caller's transaction;
// who may answer, and what an answer does, is the caller's
// (social/follow_ups.h).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "store/database.h"

namespace kring::store {

// A status change that reached a kind's asking status and is still where
// the item stands.
struct DueFollowUp {
  std::int64_t change_id = 0;
  ItemId item_id = 0;
  MemberId changed_by = 0;  // who made the change; the question comes from them
};

class FollowUpRepository {
 public:
  explicit FollowUpRepository(Connection& conn) : conn_(conn) {}

  // Items of `kind` standing at `status`, reached by a change made after
  // `reached_after` and at or before `reached_before` that nobody has asked
  // about or answered yet, oldest first, at most `limit`. Deleted items are
  // left out. The lower bound keeps the scan to recent changes.
  std::vector<DueFollowUp> due(std::string_view kind, std::string_view status,
                               Micros reached_after, Micros reached_before, int limit);
  // The change by which the item reached its current status, if it is
  // `status` (nullopt when the item stands elsewhere or never moved).
  std::optional<std::int64_t> current_change(ItemId item, std::string_view status);
  bool answered(std::int64_t change_id);
  // REQUIRES: a write transaction. Both keep an earlier answer.
  void mark_asked(std::int64_t change_id, ItemId item, Micros at);
  void answer(std::int64_t change_id, ItemId item, bool fixed, Micros at);

 private:
  Connection& conn_;
};

}  // namespace kring::store
