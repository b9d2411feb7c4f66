#pragma once
// DistanceProfile: for every node v, the number of sources that reach v, the
// sum of their distances to v and the sum of inverse distances, from
// unweighted BFS out of every node (exact) or of a uniform sample of nodes.
// Closeness, harmonic centrality, average path length and diameter are all
// read from one profile, so the all-pairs BFS runs once.
//
// Accumulating at the reached node gives *incoming* distances d(s -> v),
// which is what networkx's closeness_centrality and harmonic_centrality use
// for directed graphs (they search the reversed graph from v).
//
// Kernel: multi-source BFS with bit-parallel frontiers (Then et al. 2014,
// "The more the merrier: efficient multi-source graph traversal", VLDB):
// 512 sources share one traversal, one bit each (256 above a million
// nodes), direction-optimizing per level. run() takes
// O(n/512 * L * (n + m)) word operations for L BFS levels, and
// 4 * 64 bytes * n of scratch memory per thread.
//
// Thread-safety: construct and run on one thread; run() uses `threads`
// workers, each owning a batch of sources and its own accumulators.

#include <cstdint>
#include <vector>

#include "graph/graph.h"
#include "graph/progress.h"

namespace kring::graph {

struct DistanceProfileOptions {
  unsigned threads = 0;
  // 0: every node is a source (exact). Otherwise the number of sampled
  // sources (Eppstein & Wang 2004 style estimation).
  std::uint32_t sample_sources = 0;
  std::uint64_t seed = 42;
  // Nodes whose mutual distances feed pair_count()/pair_distance_sum()/
  // max_distance() (the largest component for path lengths). Empty: none.
  std::vector<std::uint8_t> pair_nodes;
  ProgressMeter* progress = nullptr;  // advanced once per source
};

class DistanceProfile {
 public:
  explicit DistanceProfile(const Graph& g, DistanceProfileOptions options = {});
  void run();

  bool sampled() const { return sampled_; }
  std::uint32_t source_count() const { return source_count_; }
  bool is_source(NodeId v) const { return is_source_[v] != 0; }
  // Sources s != v with a path s -> v.
  const std::vector<std::uint32_t>& reach() const { return reach_; }
  // Sum of d(s, v) over those sources.
  const std::vector<std::uint64_t>& distance_sum() const { return distance_sum_; }
  // Sum of 1 / d(s, v) over those sources.
  const std::vector<double>& inverse_sum() const { return inverse_sum_; }
  // Over ordered pairs (s, v), s a source, s != v, both in pair_nodes, v
  // reachable from s: how many, the sum of distances, the largest distance.
  std::uint64_t pair_count() const { return pair_count_; }
  std::uint64_t pair_distance_sum() const { return pair_distance_sum_; }
  std::uint32_t max_distance() const { return max_distance_; }

  // Accumulators the worker batches add into (implementation detail).
  struct Totals {
    std::vector<std::uint32_t>& reach;
    std::vector<std::uint64_t>& distance_sum;
    std::vector<double>& inverse_sum;
    std::uint64_t pair_count;
    std::uint64_t pair_distance_sum;
    std::uint32_t max_distance;
  };

 private:
  const Graph& g_;
  DistanceProfileOptions options_;
  bool sampled_ = false;
  std::uint32_t source_count_ = 0;
  std::vector<std::uint8_t> is_source_;
  std::vector<std::uint32_t> reach_;
  std::vector<std::uint64_t> distance_sum_;
  std::vector<double> inverse_sum_;
  std::uint64_t pair_count_ = 0;
  std::uint64_t pair_distance_sum_ = 0;
  std::uint32_t max_distance_ = 0;
};

}  // namespace kring::graph
