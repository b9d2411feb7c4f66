#pragma once
// The feed fixture's community, planned in memory before anything is
// written: members with activity, spaces with their members, ties, and the
// two readers' follows, connections, spaces, mutes and blocks. Indices are
// positions in `activity` (0 = reader, 1 = sparse_reader), not member ids.

#include <cstdint>
#include <utility>
#include <vector>

#include "core/space.h"
#include "feed_fixture.h"
#include "fixture_random.h"

namespace kring::bench {

using Pair = std::pair<std::uint32_t, std::uint32_t>;

struct PlannedSpace {
  SpaceVisibility visibility = SpaceVisibility::kOpen;
  double popularity = 1.0;             // relative chance that a member joins it
  std::vector<std::uint32_t> members;  // first one is the owner
};

struct PlannedReader {
  std::uint32_t index = 0;
  std::vector<std::uint32_t> follows;
  std::vector<std::uint32_t> connections;
  std::vector<std::uint32_t> spaces;
  std::vector<std::uint32_t> muted_members;
  std::vector<std::uint32_t> muted_spaces;
  std::vector<std::uint32_t> blocked;
  std::uint32_t requested_space = 0;  // a closed space it asked to join
};

struct FixturePlan {
  std::vector<double> activity;  // relative chance of writing an item, per member
  std::vector<bool> suspended;
  std::vector<PlannedSpace> spaces;
  std::vector<std::vector<std::uint32_t>> spaces_of;  // per member: joined spaces
  std::vector<Pair> follows;                          // (source, target), unique
  std::vector<Pair> connections;                      // (a, b) with a < b, unique
  PlannedReader reader, sparse_reader;
};

// Deterministic for the options' seed. REQUIRES: options.members >= 5,000
// and options.spaces >= 200 (the readers pick from the tails of both).
FixturePlan plan_fixture(const FeedFixtureOptions& options, FixtureRandom& rng);

}  // namespace kring::bench
