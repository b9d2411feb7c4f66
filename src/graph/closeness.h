#pragma once
// Closeness centrality as networkx.closeness_centrality(G) with its defaults
// (distance=None, wf_improved=True): for node v with r other nodes reaching
// it at total distance D (incoming distances for directed graphs),
//     C(v) = (r / D) * (r / (n - 1)),   0 when D == 0 or n <= 1.
// The second factor is Wasserman & Faust's (1994) scaling for disconnected
// graphs. Freeman 1979 for the measure. Computed from a DistanceProfile:
// O(n/256 * L * (n + m)) exact; with sampled sources the estimate replaces
// r and D by their sample counts scaled by (n-1)/k (Eppstein & Wang 2004).
//
// Thread-safety: as DistanceProfile; from_profile is a pure function.

#include <vector>

#include "graph/distance_profile.h"

namespace kring::graph {

class Closeness {
 public:
  explicit Closeness(const Graph& g, DistanceProfileOptions options = {})
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
