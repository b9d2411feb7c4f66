#include "graph/path_length.h"

namespace kring::graph {

std::vector<std::uint8_t> path_component_mask(const Graph& g, const Components& weak,
                                              const Components& strong) {
  const Components& c = g.directed() ? strong : weak;
  std::vector<std::uint8_t> mask(g.node_count(), 0);
  if (c.count() == 0) return mask;
  const std::uint32_t largest = c.largest();
  for (NodeId v = 0; v < g.node_count(); ++v) mask[v] = c.component[v] == largest ? 1 : 0;
  return mask;
}

PathLengths path_lengths_from_profile(const DistanceProfile& profile,
                                      const std::vector<std::uint8_t>& mask) {
  PathLengths p;
  for (std::uint8_t m : mask) p.component_size += m;
  p.sampled = profile.sampled();
  p.diameter = profile.max_distance();
  if (profile.pair_count() > 0) {
    p.average = static_cast<double>(profile.pair_distance_sum()) /
                static_cast<double>(profile.pair_count());
  }
  return p;
}

}  // namespace kring::graph
