#include "graph/summary.h"

#include <limits>

namespace kring::graph {

Summary summarize(const Graph& g) {
  Summary s;
  const double n = g.node_count();
  s.nodes = g.node_count();
  s.edges = g.edge_count();
  s.self_loops = g.self_loop_count();
  s.directed = g.directed();
  const double m = static_cast<double>(g.edge_count());
  if (n > 1) s.density = (g.directed() ? m : 2 * m) / (n * (n - 1));
  // Ties of the undirected view: distinct neighbour pairs plus self-loops.
  // Each pair is in two symmetric lists, each self-loop in one: O(n).
  std::uint64_t entries = 0;
  for (NodeId u = 0; u < g.node_count(); ++u) entries += g.neighbors(u).size();
  const std::uint64_t pairs = (entries - g.self_loop_count()) / 2;
  const double undirected_ties = static_cast<double>(pairs + g.self_loop_count());
  if (g.directed() && m > 0) {
    s.reciprocity = (m - undirected_ties) * 2 / m;
  } else {
    s.reciprocity = std::numeric_limits<double>::quiet_NaN();
  }
  s.metcalfe_potential = n * (n - 1) / 2;
  if (n > 1) s.metcalfe_ratio = static_cast<double>(pairs) / s.metcalfe_potential;
  return s;
}

}  // namespace kring::graph
