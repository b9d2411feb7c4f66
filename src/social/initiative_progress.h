#pragma once
// An initiative's progress per goal, as its item view carries it: beside
// each goal's target, what is pledged (pledged, delivered and confirmed
// contributions toward it; not declined, withdrawn or void ones) and what
// is confirmed. Read from the ledger's totals table (migration 17), a few
// rows however many pledges there are (bench/contributions).

#include <cstdint>
#include <string>
#include <vector>

#include "core/item.h"
#include "store/database.h"

namespace kring::social {

struct GoalProgress {
  std::string kind;  // time (hours), money (cents) or item
  std::string label;
  std::int64_t target = 0;
  std::int64_t pledged = 0;
  std::int64_t confirmed = 0;
};

// One entry per goal of `item`, in the goals' order; empty for an item
// without goals. REQUIRES: a transaction on conn; item.goals read.
std::vector<GoalProgress> initiative_progress(store::Connection& conn, const Item& item);

// Whether every goal has at least `minimum` percent of its target pledged.
bool reaches_minimum(const std::vector<GoalProgress>& progress, std::int64_t minimum);

}  // namespace kring::social
