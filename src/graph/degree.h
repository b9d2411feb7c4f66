#pragma once
// Degree and weighted strength per node, as networkx G.degree(),
// G.in_degree(), G.out_degree() and G.degree(weight="weight").
// A self-loop counts 2 in the undirected degree and strength (2w), 1 in each
// of in- and out-degree. O(n + m) time.
// Thread-safety: pure function of an immutable Graph.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace kring::graph {

struct Degrees {
  std::vector<std::uint32_t> in;     // == total for undirected graphs
  std::vector<std::uint32_t> out;    // == total for undirected graphs
  std::vector<std::uint32_t> total;  // nx G.degree
  std::vector<double> strength;      // nx G.degree(weight="weight")
};

Degrees compute_degrees(const Graph& g);

}  // namespace kring::graph
