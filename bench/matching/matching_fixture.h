#pragma once
// The database behind the matching benchmark (issue 11: matches for a
// request among 1M members under 20 ms):
//   members        1,000,000, each in one of 1,000 neighbourhood spaces
//                  (open, ~1,000 members each, by id ranges);
//   skills         0-6 per member (3 on average) out of 500, drawn by a
//                  Zipf law (s = 1), so the most common skill has ~440k
//                  holders and the rarest a few hundred;
//   ties           3 connections made per member (two rows each) and 3
//                  follows, 70% inside the member's neighbourhood: ~12 ties
//                  a member, ~150 members within distance 2;
//   items          2,000 open requests (1-3 skills, in the author's
//                  neighbourhood) and 10,000 available offers (1-2 skills,
//                  half located), with titles of three words from 300.
// Members, terms, ties and memberships are bulk SQL inserts (no password
// hashing, no search index: matching reads neither); items go through
// store::ItemRepository as the server writes them. Cached: a data dir whose
// fixture.json matches the options is reused.

#include <cstdint>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/result.h"

namespace kring::bench {

struct MatchingFixtureOptions {
  int members = 1'000'000;
  int neighbourhoods = 1'000;
  int skills = 500;
  int connections = 3;
  int follows = 3;
  int requests = 2'000;
  int offers = 10'000;
  std::uint64_t seed = 1;
};

struct MatchingFixture {
  std::string data_dir;
  std::vector<ItemId> requests;  // every request, oldest first
  bool built = false;            // false: reused from the cache
  double build_seconds = 0;
};

// Opens data_dir's fixture, building it first when absent or made with
// other options. 400 invalid_fixture for options that make no community.
// Not thread-safe.
Result<MatchingFixture> open_matching_fixture(const std::string& data_dir,
                                              const MatchingFixtureOptions& options);

}  // namespace kring::bench
