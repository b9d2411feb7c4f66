#pragma once
// The ledger's rows (table contributions, migration 16) and their totals
// (contribution_totals, kept by triggers: migration 17). A contribution is
// given by a member to an item's author (its receiver), in the kind's unit;
// its status moves pledged -> delivered -> confirmed | declined, or to
// withdrawn or void (social/contributions.h says who moves it).
//
// REQUIRES: the caller holds a transaction on conn; writes need a write
// transaction (BEGIN IMMEDIATE), so that a status read and the move that
// follows it see one state.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "core/time.h"
#include "store/database.h"

namespace kring::store {

struct Contribution {
  std::int64_t id = 0;
  ItemId item_id = 0;
  MemberId giver_id = 0;
  MemberId receiver_id = 0;
  std::string kind;  // core/kinds.h contribution_kinds()
  std::int64_t amount = 0;
  std::optional<std::int64_t> goal;  // the initiative goal's position (0-based)
  std::string note;
  std::string status = "pledged";
  Micros created_at = 0;
  std::optional<Micros> delivered_at;
  std::optional<Micros> decided_at;
  std::optional<MemberId> decided_by;
  std::string decision_note;  // the organiser's, on confirming or declining
};

// Every status a contribution may have, in the order its life goes.
inline constexpr std::array<std::string_view, 6> kContributionStatuses = {
    "pledged", "delivered", "confirmed", "declined", "withdrawn", "void"};

// Sums of amounts per kind and status: the `totals` of a listing.
struct ContributionTotal {
  std::string kind;
  std::string status;
  std::int64_t contributions = 0;
  std::int64_t amount = 0;
};

// One initiative goal's sums from contribution_totals, per status.
struct GoalTotal {
  std::int64_t goal = -1;  // -1: counted toward no goal
  std::string kind;
  std::string status;
  std::int64_t amount = 0;
};

// Which rows a listing takes, besides the viewer's read rule over their
// items (store/item_visibility_sql.h).
struct ContributionFilter {
  enum class By { kItem, kSpace, kGiver, kReceiver, kGiverOrReceiver };
  By by = By::kItem;
  std::int64_t id = 0;  // the item, space or member
};

// Hours of confirmed and of open (pledged, delivered) time contributions.
struct TimeTotals {
  std::int64_t given_confirmed = 0;
  std::int64_t received_confirmed = 0;
  std::int64_t given_open = 0;
  std::int64_t received_open = 0;
};

class ContributionRepository {
 public:
  explicit ContributionRepository(Connection& conn) : conn_(conn) {}

  // Stores `c` (its id allocated, time-ordered) and returns its id.
  std::int64_t insert(const Contribution& c);
  std::optional<Contribution> find(std::int64_t id);
  // Moves the contribution to `to` when its status is one of `from`;
  // decided_* are set for confirmed, declined and void, delivered_at for
  // delivered; `note` is kept as the decision's. False (nothing changed)
  // when its status was not in `from`.
  bool move(std::int64_t id, std::span<const std::string_view> from, std::string_view to, Micros at,
            std::optional<MemberId> by, const std::string& note);
  // The open initiatives with a minimum whose deadline is at or before
  // `now`, at most `limit`, oldest deadline first.
  std::vector<ItemId> due_initiatives(Micros now, int limit);

  // The rows of `filter` on items `viewer` may read, newest first, keyset-
  // paged on the id.
  std::vector<Contribution> list(const ContributionFilter& filter, MemberId viewer,
                                 std::optional<CursorKey> after, int limit);
  // Sums over exactly the rows list() pages through.
  std::vector<ContributionTotal> totals(const ContributionFilter& filter, MemberId viewer);

  // The item's sums per goal, kind and status (a read of contribution_totals).
  std::vector<GoalTotal> goal_totals(ItemId item);
  TimeTotals time_totals(MemberId member);

  // The givers of the item's standing contributions (pledged, delivered,
  // confirmed), each once.
  std::vector<MemberId> pledgers(ItemId item);
  // Moves the item's pledged and delivered contributions to void; returns how many.
  int void_open(ItemId item, Micros at);

 private:
  Connection& conn_;
};

}  // namespace kring::store
