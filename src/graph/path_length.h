#pragma once
// Average shortest path length and diameter (unweighted), as
// networkx.average_shortest_path_length(G) and networkx.diameter(G)
// computed on the largest component: networkx raises on a disconnected
// graph (not strongly connected, for directed ones); kring instead reports
// the figures over the largest connected component (largest strongly
// connected component when directed), the lowest-numbered one on ties,
// i.e. nx.average_shortest_path_length(G.subgraph(largest)).
// A component of one node has length 0 and diameter 0.
//
// Exact from an exact DistanceProfile. From a sampled profile the average is
// the mean over the sampled sources inside the component (unbiased), and the
// diameter is the largest eccentricity seen: a lower bound.
//
// Thread-safety: pure functions.

#include <cstdint>
#include <vector>

#include "graph/components.h"
#include "graph/distance_profile.h"

namespace kring::graph {

struct PathLengths {
  double average = 0;
  std::uint32_t diameter = 0;
  std::uint32_t component_size = 0;  // nodes the figures are over
  bool sampled = false;
};

// 1 for the nodes of the component path lengths are measured on.
std::vector<std::uint8_t> path_component_mask(const Graph& g, const Components& weak,
                                              const Components& strong);

// REQUIRES: profile ran with options.pair_nodes == mask.
PathLengths path_lengths_from_profile(const DistanceProfile& profile,
                                      const std::vector<std::uint8_t>& mask);

}  // namespace kring::graph
