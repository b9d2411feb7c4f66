#pragma once
// Whole-network figures that need no search: size, density, reciprocity and
// Metcalfe's potential, as networkx.density(G) and
// networkx.overall_reciprocity(G).
//   density = m / (n(n-1)) directed, 2m / (n(n-1)) undirected, self-loops
//             counted in m as networkx does; 0 when n <= 1.
//   reciprocity = 2 * (m - m_undirected) / m for directed graphs, with
//             m_undirected the ties of G.to_undirected() (a self-loop is
//             never reciprocal); NaN (null) for undirected graphs, where
//             networkx raises, and for graphs without ties.
//   metcalfe_potential = n(n-1)/2: the number of ties possible between
//             n members, to set beside the real number of ties.
// O(n + m). Thread-safety: pure function.

#include <cstdint>

#include "graph/graph.h"

namespace kring::graph {

struct Summary {
  std::uint64_t nodes = 0;
  std::uint64_t edges = 0;
  std::uint64_t self_loops = 0;
  bool directed = false;
  double density = 0;
  double reciprocity = 0;
  double metcalfe_potential = 0;
  // Share of the potential that is realised: ties between distinct members
  // (a reciprocal pair counted once) / n(n-1)/2; 0 when n <= 1.
  double metcalfe_ratio = 0;
};

Summary summarize(const Graph& g);

}  // namespace kring::graph
