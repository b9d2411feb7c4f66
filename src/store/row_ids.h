#pragma once
// Allocates the time-ordered ids (core/ids.h) of the tables whose ids an
// outsider sees: spaces, items, replies, notifications, reports, status changes,
// loans, contributions.
//
// REQUIRES: inside a write transaction on conn (BEGIN IMMEDIATE), so the
// table's largest id read here is still the largest when the row goes in.

#include <cstdint>

#include "core/time.h"
#include "store/database.h"

namespace kring::store {

enum class IdTable {
  kSpaces,
  kItems,
  kReplies,
  kNotifications,
  kReports,
  kItemStatusChanges,
  kLoans,
  kContributions,
};

// An id above every id in the table, for a row written at `at` (its
// created_at, so bulk loaders writing in time order get ids that grow with
// their time stamps).
std::int64_t allocate_row_id(Connection& conn, IdTable table, Micros at);

}  // namespace kring::store
