#pragma once
// The database behind the items benchmarks (issue 10's speed paragraph):
// a million items by 50,000 members in 1,000 spaces, written through the
// real migrations and store repositories: the feed fixture's community and
// notes (bench/store/feed_fixture.h) with ideas and reports among them
// (civic_items.h): places over the Netherlands, dense in Utrecht, whose
// municipality's space ("gemeente-utrecht", open, the most popular space
// `reader` joined) takes most reports, categories, statuses and votes.
// The viewer of every timed query is `reader`, a member of the municipality
// and of 49 other spaces (open, closed and secret).
//
// Cached like the feed fixture: a data dir whose fixture.json matches the
// options is reused. fixture.json also names the municipality, the
// viewer, the password and the timed districts with the items in each box.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "civic_items.h"

namespace kring::bench {

struct ItemsFixtureOptions {
  std::int64_t items = 1'000'000;
  int members = 50'000;
  int spaces = 1'000;
  std::uint64_t seed = 1;
};

struct ItemsFixture {
  std::string data_dir;
  std::string viewer;        // handle
  std::string municipality;  // slug
  std::int64_t items = 0;
  CivicCounts civic;
  bool built = false;  // false: reused from the cache
  double build_seconds = 0;
};

// Opens data_dir's fixture, building it first when absent or made with other
// options (the old database is deleted). Verifies after building that every
// item's vote_count equals its votes by members in good standing.
// REQUIRES: sodium_init() has run. Not thread-safe.
Result<ItemsFixture> open_items_fixture(const std::string& data_dir,
                                        const ItemsFixtureOptions& options,
                                        const std::function<void(double)>& progress);

// The fixture the environment names (KRING_ITEMS_ITEMS, KRING_ITEMS_MEMBERS,
// KRING_ITEMS_SPACES; data dir KRING_ITEMS_DATA, else one per item count
// under BUILD/bench/items-data), with a progress line on stderr while it is
// built; `program` prefixes the error message. Sets data_dir.
Result<ItemsFixture> open_items_fixture_from_env(std::string_view program, std::string& data_dir);

}  // namespace kring::bench
