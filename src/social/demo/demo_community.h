#pragma once
// The demo community behind `kring demo`: a deterministic, realistic
// network of members with profiles and ties, written by bulk inserts in one
// transaction so it scales to a million members.
//
// Shape: members belong to communities of Zipf-distributed sizes, each with
// a skill theme and a home place; each member has an "activity" drawn from a
// Pareto distribution (heavy-tailed degrees); ties go mostly inside the
// community, chosen in proportion to activity (preferential attachment), some
// become mutual connections, a few stay pending. A few percent of the
// members have no tie, some one tie only, a few bridge two communities
// (DemoPosition, demo_content.h).
//
// Time: kDemoHistory (eighteen months) ending at DemoOptions::now, more members
// and posts as time goes on; nothing is dated after now. Members get their
// ids in the order they joined; spaces, items and replies get time-ordered
// ids (core/ids.h) for their own created_at.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "social/demo/demo_content.h"
#include "store/database.h"

namespace kring::social::demo {

// Every demo account has this password; printed by `kring demo`.
inline constexpr std::string_view kDemoPassword = "kring-demo";

// How far back the demo's history reaches from DemoOptions::now: eighteen
// months, long enough for a network to have grown, short enough that the
// first posts are not stale.
inline constexpr Micros kDemoHistory = 548LL * 86'400 * 1'000'000;

struct DemoOptions {
  int members = 500;
  std::uint64_t seed = 1;
  // The moment of loading: every time stamp is at or before it. The same
  // seed gives the same community at the same distances from now.
  Micros now = 0;
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
  // The municipality's space for Lombok (demo_civic.h): empty slug when
  // the demo is too small for it.
  std::string civic_slug;
  std::int64_t ideas = 0;
  std::int64_t votes = 0;
  std::int64_t reports = 0;
  ExchangeSummary exchange;  // the neighbourhood exchange (demo_exchange.h)
  std::string admin_handle;
  std::string analyst_handle;
  // The three most active members besides the admin and the analyst.
  std::vector<std::string> popular_handles;
};

// 400 invalid_members unless 2 <= options.members <= 10,000,000. Leaves a
// database that already has members untouched (skipped = true), so
// re-running `make run` never loses data.
Result<DemoSummary> load_demo_community(store::Database& db, const DemoOptions& options);

}  // namespace kring::social::demo
