#pragma once
// The database behind the feed benchmarks (issue 3, item 4): a million items
// by a hundred thousand members in two thousand spaces, and two readers whose
// home feeds are timed:
//   reader         follows 1,000 members (half chosen by activity, half at
//                  random), is connected to 150 members (100 of them also
//                  followed) and has joined 50 spaces (35 open, 10 closed,
//                  5 secret, by popularity); mutes 5 followed members and 1
//                  joined space, blocks 3 members who post in its spaces;
//   sparse_reader  the same counts, but follows the least active members and
//                  joined the quietest spaces: few of the newest items are
//                  for it, the worst case for a scan in id order.
// Items: authors by Pareto activity; 55% in one of the author's spaces
// (public/members/space in open spaces, space-only in closed and secret
// ones), the rest public 60%, members 25%, connections 15%; 0.3% deleted,
// 0.1% hidden, 0.2% of members suspended; ~0.75 reactions per item.
//
// Written by bulk inserts through the store repositories, as `kring demo`
// does, in transactions of 100,000 items; 76 s for 1M items on 2 EPYC cores.
// Cached: a data dir whose fixture.json matches the options is reused.

#include <cstdint>
#include <functional>
#include <string>

#include "core/member.h"
#include "core/result.h"

namespace kring::bench {

inline constexpr std::string_view kFixturePassword = "kring-bench";

struct FeedFixtureOptions {
  std::int64_t items = 1'000'000;
  int members = 100'000;
  int spaces = 2'000;
  int follows = 1'000;
  int connections = 150;
  int joined_spaces = 50;
  std::uint64_t seed = 1;
};

struct FeedFixture {
  std::string data_dir;
  std::string reader;         // handle of the member whose home feed is timed
  std::string sparse_reader;  // handle of the worst case for an id-order scan
  std::string space;          // slug of the busiest open space the reader joined
  std::string member;         // handle of the busiest member the reader follows
  std::string tag;            // the most used tag
  std::int64_t items = 0;
  bool built = false;  // false: reused from the cache
  double build_seconds = 0;
};

// Opens data_dir's fixture, building it first when absent or made with other
// options (the old database is deleted). progress gets a fraction in [0, 1]
// and may be empty. REQUIRES: sodium_init() has run. Not thread-safe.
Result<FeedFixture> open_feed_fixture(const std::string& data_dir,
                                      const FeedFixtureOptions& options,
                                      const std::function<void(double)>& progress);

// Options from the environment, so run_all.sh and a developer can pick the
// size without rebuilding: KRING_FEED_ITEMS, KRING_FEED_MEMBERS,
// KRING_FEED_SPACES. Data dir: KRING_FEED_DATA, else one per item count
// under the build tree (BUILD/bench/feed-data/ITEMS-items).
FeedFixtureOptions fixture_options_from_env();
std::string fixture_dir_from_env(const FeedFixtureOptions& options);

// The fixture the environment names, built with a progress line on stderr
// when it is not cached yet; `program` prefixes the error message.
// Sets data_dir to where it is.
Result<FeedFixture> open_feed_fixture_from_env(std::string_view program, std::string& data_dir);

}  // namespace kring::bench
