#pragma once
// The demo community behind `kring demo`: a deterministic, realistic
// network of members with profiles and ties, written by bulk inserts in one
// transaction so it scales to a million members.
//
// Shape: members belong to communities of Zipf-distributed sizes, each with
// a skill theme and a home place; each member has an "activity" drawn from a
// Pareto distribution (heavy-tailed degrees); ties go mostly inside the
// community, chosen in proportion to activity (preferential attachment), some
// become mutual connections, a few stay pending.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace kring::social::demo {

// Every demo account has this password; printed by `kring demo`.
inline constexpr std::string_view kDemoPassword = "kring-demo";

struct DemoOptions {
  int members = 500;
  std::uint64_t seed = 1;
  // Called with a fraction done in [0, 1]; may be empty.
  std::function<void(double)> progress;
};

struct DemoSummary {
  bool skipped = false;  // the database already had members
  std::int64_t members = 0;
  std::int64_t follows = 0;
  std::int64_t connections = 0;
  std::int64_t pending_requests = 0;
  std::int64_t spaces = 0;
  std::int64_t items = 0;
  std::int64_t replies = 0;
  std::int64_t reactions = 0;
  std::string admin_handle;
  std::string analyst_handle;
  std::vector<std::string> popular_handles;
};

// REQUIRES: options.members >= 2. Leaves a database that already has members
// untouched (skipped = true), so re-running `make run` never loses data.
Result<DemoSummary> load_demo_community(store::Database& db, const DemoOptions& options);

}  // namespace kring::social::demo
