#include "fixture_plan.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace kring::bench {

namespace {

constexpr std::uint32_t kReader = 0;
constexpr std::uint32_t kSparseReader = 1;

void sort_unique(std::vector<Pair>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

// Distinct draws until `count` are found or the draws stop finding new ones.
template <typename Draw>
std::vector<std::uint32_t> distinct(std::size_t count,
                                    const std::unordered_set<std::uint32_t>& skip, Draw draw) {
  std::unordered_set<std::uint32_t> seen;
  std::vector<std::uint32_t> out;
  for (std::size_t tries = 0; out.size() < count && tries < count * 50; ++tries) {
    std::uint32_t x = draw();
    if (skip.count(x) == 0 && seen.insert(x).second) out.push_back(x);
  }
  return out;
}

void plan_members(const FeedFixtureOptions& o, FixtureRandom& rng, FixturePlan& plan) {
  auto n = static_cast<std::size_t>(o.members);
  plan.activity.resize(n);
  plan.suspended.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Tail index 1.5 and a cap of 500: the busiest members write a few
    // hundred times the median, the long tail a handful of items.
    plan.activity[i] = std::min(rng.pareto(1.5), 500.0);
    plan.suspended[i] = i > kSparseReader && rng.chance(0.002);
  }
  plan.activity[kReader] = plan.activity[kSparseReader] = 1.0;
}

void plan_spaces(const FeedFixtureOptions& o, FixtureRandom& rng, FixturePlan& plan) {
  auto count = static_cast<std::size_t>(o.spaces);
  plan.spaces.resize(count);
  // Zipf-like popularity over a shuffled order, so a space's id says nothing
  // about its size. Visibility: 70% open, 20% closed, 10% secret.
  std::vector<std::uint32_t> rank(count);
  std::iota(rank.begin(), rank.end(), 0u);
  for (std::size_t i = count; i > 1; --i) std::swap(rank[i - 1], rank[rng.below(i)]);
  std::vector<double> weights(count);
  for (std::size_t s = 0; s < count; ++s) {
    auto& space = plan.spaces[s];
    space.popularity = 1.0 / std::pow(rank[s] + 1.0, 0.9);
    weights[s] = space.popularity;
    int bucket = static_cast<int>(s % 10);
    space.visibility = bucket == 9
                           ? SpaceVisibility::kSecret
                           : (bucket >= 7 ? SpaceVisibility::kClosed : SpaceVisibility::kOpen);
  }
  WeightedIndex by_popularity(weights);
  plan.spaces_of.assign(plan.activity.size(), {});
  for (std::uint32_t m = kSparseReader + 1; m < plan.activity.size(); ++m) {
    auto joins = static_cast<std::size_t>(std::min(rng.pareto(1.5) * 1.2, 30.0));
    plan.spaces_of[m] = distinct(joins, {}, [&] { return by_popularity.draw(rng); });
    for (std::uint32_t s : plan.spaces_of[m]) plan.spaces[s].members.push_back(m);
  }
  // Every space has an owner, even one nobody chose.
  for (std::uint32_t s = 0; s < count; ++s) {
    auto& space = plan.spaces[s];
    if (space.members.empty()) {
      auto owner =
          static_cast<std::uint32_t>(kSparseReader + 1 + rng.below(plan.activity.size() - 2));
      space.members.push_back(owner);
      plan.spaces_of[owner].push_back(s);
    }
  }
}

void plan_ties(FixtureRandom& rng, FixturePlan& plan) {
  WeightedIndex by_activity(plan.activity);
  auto n = static_cast<std::uint32_t>(plan.activity.size());
  for (std::uint32_t m = kSparseReader + 1; m < n; ++m) {
    // ~9 ties started per member; 70% aimed at active members
    // (preferential attachment), 30% at anyone; 15% become connections.
    auto wanted = static_cast<int>(std::lround(std::min(rng.pareto(1.8) * 4.0, 2000.0)));
    for (int k = 0; k < wanted; ++k) {
      std::uint32_t t =
          rng.chance(0.7) ? by_activity.draw(rng) : static_cast<std::uint32_t>(rng.below(n));
      if (t == m || t <= kSparseReader) continue;
      if (rng.chance(0.15)) {
        plan.connections.emplace_back(std::min(m, t), std::max(m, t));
      } else {
        plan.follows.emplace_back(m, t);
      }
    }
  }
}

// Members who never appear among a reader's ties: candidates for blocks.
std::unordered_set<std::uint32_t> tied_to(const PlannedReader& r) {
  std::unordered_set<std::uint32_t> out(r.follows.begin(), r.follows.end());
  out.insert(r.connections.begin(), r.connections.end());
  out.insert(kReader);
  out.insert(kSparseReader);
  return out;
}

void add_reader_ties(const PlannedReader& r, FixturePlan& plan) {
  for (std::uint32_t t : r.follows) plan.follows.emplace_back(r.index, t);
  for (std::uint32_t c : r.connections) {
    plan.connections.emplace_back(std::min(r.index, c), std::max(r.index, c));
  }
  for (std::uint32_t s : r.spaces) {
    plan.spaces[s].members.push_back(r.index);
    plan.spaces_of[r.index].push_back(s);
  }
}

// Spaces of one visibility, most (or least) popular first.
std::vector<std::uint32_t> spaces_by_popularity(const FixturePlan& plan, SpaceVisibility v,
                                                bool busiest) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t s = 0; s < plan.spaces.size(); ++s) {
    if (plan.spaces[s].visibility == v) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    double pa = plan.spaces[a].popularity, pb = plan.spaces[b].popularity;
    return busiest ? pa > pb : pa < pb;
  });
  return out;
}

// The busiest closed space not among `joined`: where a reader's join
// request waits (a pending request must not open the space's content).
std::uint32_t closed_space_not_joined(const FixturePlan& plan,
                                      const std::vector<std::uint32_t>& joined) {
  for (std::uint32_t s : spaces_by_popularity(plan, SpaceVisibility::kClosed, true)) {
    if (std::find(joined.begin(), joined.end(), s) == joined.end()) return s;
  }
  return 0;
}

// 35 open, 10 closed, 5 secret (scaled to joined_spaces); the reader takes
// the popular ones in a random order of rank, the sparse reader the quietest.
std::vector<std::uint32_t> pick_spaces(const FeedFixtureOptions& o, const FixturePlan& plan,
                                       FixtureRandom& rng, bool busiest) {
  const std::pair<SpaceVisibility, double> shares[] = {{SpaceVisibility::kOpen, 0.7},
                                                       {SpaceVisibility::kClosed, 0.2},
                                                       {SpaceVisibility::kSecret, 0.1}};
  std::vector<std::uint32_t> out;
  for (auto [visibility, share] : shares) {
    auto ranked = spaces_by_popularity(plan, visibility, busiest);
    auto want = static_cast<std::size_t>(std::lround(o.joined_spaces * share));
    // Among the top 4x, not strictly the top: a member's spaces are popular,
    // not the instance's very largest ones.
    std::size_t pool = std::min(ranked.size(), busiest ? want * 4 : want);
    auto chosen = distinct(want, {}, [&] { return ranked[rng.below(pool)]; });
    out.insert(out.end(), chosen.begin(), chosen.end());
  }
  return out;
}

void plan_reader(const FeedFixtureOptions& o, FixtureRandom& rng, FixturePlan& plan) {
  PlannedReader& r = plan.reader;
  r.index = kReader;
  WeightedIndex by_activity(plan.activity);
  auto n = static_cast<std::uint32_t>(plan.activity.size());
  auto half = static_cast<std::size_t>(o.follows / 2);
  std::unordered_set<std::uint32_t> skip = {kReader, kSparseReader};
  r.follows = distinct(half, skip, [&] { return by_activity.draw(rng); });
  skip.insert(r.follows.begin(), r.follows.end());
  auto rest = distinct(static_cast<std::size_t>(o.follows) - r.follows.size(), skip,
                       [&] { return static_cast<std::uint32_t>(rng.below(n)); });
  r.follows.insert(r.follows.end(), rest.begin(), rest.end());
  // Two thirds of the connections are also followed, one third are not.
  auto overlap = static_cast<std::size_t>(o.connections * 2 / 3);
  for (std::size_t k = 0; k < overlap && k < r.follows.size(); ++k) {
    r.connections.push_back(r.follows[rng.below(r.follows.size())]);
  }
  std::sort(r.connections.begin(), r.connections.end());
  r.connections.erase(std::unique(r.connections.begin(), r.connections.end()), r.connections.end());
  skip.insert(r.connections.begin(), r.connections.end());
  auto more = distinct(static_cast<std::size_t>(o.connections) - r.connections.size(), skip,
                       [&] { return static_cast<std::uint32_t>(rng.below(n)); });
  r.connections.insert(r.connections.end(), more.begin(), more.end());
  r.spaces = pick_spaces(o, plan, rng, true);
  for (std::size_t k = 0; k < 5 && k < r.follows.size(); ++k)
    r.muted_members.push_back(r.follows[k * 7]);
  r.muted_spaces.push_back(r.spaces.back());
  // Blocks: members of the reader's busiest space it has no tie with, so
  // the block rule removes items the space rule would let through.
  auto tied = tied_to(r);
  for (std::uint32_t m : plan.spaces[r.spaces.front()].members) {
    if (r.blocked.size() == 3) break;
    if (tied.count(m) == 0) r.blocked.push_back(m);
  }
  r.requested_space = closed_space_not_joined(plan, r.spaces);
  add_reader_ties(r, plan);
}

void plan_sparse_reader(const FeedFixtureOptions& o, FixtureRandom& rng, FixturePlan& plan) {
  PlannedReader& r = plan.sparse_reader;
  r.index = kSparseReader;
  std::vector<std::uint32_t> quiet(plan.activity.size() - 2);
  std::iota(quiet.begin(), quiet.end(), kSparseReader + 1);
  std::sort(quiet.begin(), quiet.end(),
            [&](std::uint32_t a, std::uint32_t b) { return plan.activity[a] < plan.activity[b]; });
  quiet.resize(static_cast<std::size_t>(o.follows));
  r.follows = quiet;
  r.connections.assign(quiet.begin(), quiet.begin() + o.connections);
  r.spaces = pick_spaces(o, plan, rng, false);
  r.requested_space = closed_space_not_joined(plan, r.spaces);
  add_reader_ties(r, plan);
}

}  // namespace

FixturePlan plan_fixture(const FeedFixtureOptions& options, FixtureRandom& rng) {
  FixturePlan plan;
  plan_members(options, rng, plan);
  plan_spaces(options, rng, plan);
  plan_ties(rng, plan);
  plan_reader(options, rng, plan);
  plan_sparse_reader(options, rng, plan);
  sort_unique(plan.follows);
  sort_unique(plan.connections);
  return plan;
}

}  // namespace kring::bench
