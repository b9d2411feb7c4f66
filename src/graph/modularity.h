#pragma once
// Modularity of a partition as networkx.community.modularity(G, parts)
// with its defaults (weight="weight", resolution=1). Newman & Girvan 2004;
// directed form of Leicht & Newman 2008:
//   undirected: Q = sum_c L_c/m - (D_c / 2m)^2, D_c the summed strength
//   directed:   Q = sum_c L_c/m - Out_c In_c / m^2
// with L_c the weight of ties inside c (self-loops once) and m the total
// tie weight. NaN (null) when the graph has no tie weight. O(n + m).
//
// Thread-safety: pure function.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace kring::graph {

// REQUIRES: community.size() == g.node_count().
double modularity(const Graph& g, const std::vector<std::uint32_t>& community);

}  // namespace kring::graph
