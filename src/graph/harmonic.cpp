#include "graph/harmonic.h"

namespace kring::graph {

void Harmonic::run() {
  DistanceProfile profile(g_, options_);
  profile.run();
  scores_ = from_profile(profile, g_.node_count());
}

std::vector<double> Harmonic::from_profile(const DistanceProfile& profile, NodeId n) {
  std::vector<double> h(profile.inverse_sum().begin(), profile.inverse_sum().end());
  if (!profile.sampled()) return h;
  for (NodeId v = 0; v < n; ++v) {
    const double k = profile.source_count() - (profile.is_source(v) ? 1.0 : 0.0);
    h[v] = k > 0 ? h[v] * (static_cast<double>(n) - 1) / k : 0.0;
  }
  return h;
}

}  // namespace kring::graph
