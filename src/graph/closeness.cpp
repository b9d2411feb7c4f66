#include "graph/closeness.h"

namespace kring::graph {

void Closeness::run() {
  DistanceProfile profile(g_, options_);
  profile.run();
  scores_ = from_profile(profile, g_.node_count());
}

std::vector<double> Closeness::from_profile(const DistanceProfile& profile, NodeId n) {
  std::vector<double> c(n, 0.0);
  if (n <= 1) return c;
  for (NodeId v = 0; v < n; ++v) {
    const double r = profile.reach()[v];
    const double d = static_cast<double>(profile.distance_sum()[v]);
    if (d <= 0) continue;
    if (!profile.sampled()) {
      // Same operations in the same order as networkx, so values agree bitwise.
      double value = r / d;
      value *= r / (static_cast<double>(n) - 1);
      c[v] = value;
    } else {
      // r and D scale by the same factor f = (n-1)/k', which cancels in r/D.
      const double k = profile.source_count() - (profile.is_source(v) ? 1.0 : 0.0);
      if (k <= 0) continue;
      c[v] = (r / d) * (r / k);
    }
  }
  return c;
}

}  // namespace kring::graph
