#pragma once
// Uniform sampling of pivot nodes, shared by the sampled estimators
// (betweenness, distances). Deterministic for a given seed.
// Thread-safety: pure function.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "graph/edge_list.h"

namespace kring::graph {

// k distinct nodes of [0, n) drawn uniformly without replacement (partial
// Fisher-Yates), returned in ascending order. k is capped at n.
inline std::vector<NodeId> sample_nodes(NodeId n, NodeId k, std::uint64_t seed) {
  std::vector<NodeId> all(n);
  std::iota(all.begin(), all.end(), NodeId{0});
  if (k >= n) return all;
  std::mt19937_64 rng(seed);
  for (NodeId i = 0; i < k; ++i) {
    std::uniform_int_distribution<NodeId> pick(i, n - 1);
    std::swap(all[i], all[pick(rng)]);
  }
  all.resize(k);
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace kring::graph
