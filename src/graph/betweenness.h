#pragma once
// Betweenness centrality, exact or estimated from sampled pivots.
//
// Exact: Brandes 2001, "A faster algorithm for betweenness centrality",
// unweighted BFS variant; values equal networkx.betweenness_centrality(G)
// with its defaults (normalized=True, endpoints=False, weight=None): the
// dependency sum over all sources times 1/((n-1)(n-2)) for directed and
// undirected graphs alike. run() takes O(nm) time and O(n) memory per thread.
//
// Sampled: Brandes & Pich 2007, "Centrality estimation in large networks":
// the same sum over k pivots drawn uniformly without replacement, scaled by
// n/k, as networkx.betweenness_centrality(G, k=k). O(km) time. Each pivot's
// contribution delta_s(v)/(n-2) lies in [0,1], so by Hoeffding's inequality
// and a union bound over the n nodes, with probability >= confidence every
// estimate is within
//     error_bound = n/(n-1) * sqrt(ln(2n / (1-confidence)) / (2k))
// of the exact normalized value.
//
// Thread-safety: construct and run on one thread; run() itself uses
// `threads` workers (per-thread score vectors merged at the end).

#include <cstdint>
#include <vector>

#include "graph/graph.h"
#include "graph/progress.h"

namespace kring::graph {

struct BetweennessOptions {
  unsigned threads = 0;               // 0: all hardware threads
  std::uint32_t pivots = 0;           // 0: exact; otherwise the sample size k
  std::uint64_t seed = 42;            // pivot sample
  double confidence = 0.95;           // for error_bound()
  ProgressMeter* progress = nullptr;  // advanced once per source
};

class Betweenness {
 public:
  explicit Betweenness(const Graph& g, BetweennessOptions options = {});
  void run();
  // REQUIRES: run() was called. Normalized betweenness per node.
  const std::vector<double>& scores() const { return scores_; }
  bool sampled() const { return sampled_; }
  std::uint32_t sources() const { return sources_; }
  // Simultaneous additive bound on |estimate - exact| at options.confidence;
  // 0 when exact.
  double error_bound() const { return error_bound_; }

 private:
  const Graph& g_;
  BetweennessOptions options_;
  std::vector<double> scores_;
  bool sampled_ = false;
  std::uint32_t sources_ = 0;
  double error_bound_ = 0;
};

}  // namespace kring::graph
