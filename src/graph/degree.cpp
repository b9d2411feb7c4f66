#include "graph/degree.h"

namespace kring::graph {

Degrees compute_degrees(const Graph& g) {
  const NodeId n = g.node_count();
  Degrees d;
  d.in.resize(n);
  d.out.resize(n);
  d.total.resize(n);
  d.strength.resize(n);
  for (NodeId u = 0; u < n; ++u) {
    d.total[u] = g.degree(u);
    d.in[u] = g.directed() ? g.in_degree(u) : d.total[u];
    d.out[u] = g.directed() ? g.out_degree(u) : d.total[u];
    double s = 0;
    auto nbrs = g.out_neighbors(u);
    auto w = g.out_weights(u);
    for (std::size_t i = 0; i < nbrs.size(); ++i)
      s += (nbrs[i] == u && !g.directed()) ? 2 * w[i] : w[i];
    if (g.directed()) {
      for (double x : g.in_weights(u)) s += x;
    }
    d.strength[u] = s;
  }
  return d;
}

}  // namespace kring::graph
