#pragma once
// Harmonic centrality as networkx.harmonic_centrality(G) with its defaults:
// H(v) = sum over u != v of 1 / d(u, v), unreachable pairs adding 0
// (incoming distances for directed graphs). Marchiori & Latora 2000;
// Boldi & Vigna 2014, "Axioms for centrality". Not normalized, as nx.
// Computed from a DistanceProfile; with sampled sources the sum is scaled by
// (n-1)/k'.
//
// Thread-safety: as DistanceProfile; from_profile is a pure function.

#include <vector>

#include "graph/distance_profile.h"

namespace kring::graph {

class Harmonic {
 public:
  explicit Harmonic(const Graph& g, DistanceProfileOptions options = {})
      : g_(g), options_(std::move(options)) {}
  void run();
  const std::vector<double>& scores() const { return scores_; }

  static std::vector<double> from_profile(const DistanceProfile& profile, NodeId n);

 private:
  const Graph& g_;
  DistanceProfileOptions options_;
  std::vector<double> scores_;
};

}  // namespace kring::graph
