#include "graph/modularity.h"

#include <algorithm>
#include <limits>

namespace kring::graph {

double modularity(const Graph& g, const std::vector<std::uint32_t>& community) {
  const NodeId n = g.node_count();
  std::uint32_t k = 0;
  for (std::uint32_t c : community) k = std::max(k, c + 1);
  std::vector<double> inside(k, 0.0), out(k, 0.0), in(k, 0.0);
  double m = 0;
  for (NodeId u = 0; u < n; ++u) {
    auto nb = g.out_neighbors(u);
    auto w = g.out_weights(u);
    for (std::size_t i = 0; i < nb.size(); ++i) {
      const NodeId v = nb[i];
      if (!g.directed() && v < u) continue;  // each undirected tie once
      m += w[i];
      if (community[u] == community[v]) inside[community[u]] += w[i];
      const double self_factor = (!g.directed() && u == v) ? 2.0 : 1.0;
      out[community[u]] += w[i] * (g.directed() ? 1.0 : self_factor);
      in[community[v]] += w[i] * (g.directed() ? 1.0 : (u == v ? 0.0 : 1.0));
    }
  }
  if (m == 0) return std::numeric_limits<double>::quiet_NaN();
  double q = 0;
  if (g.directed()) {
    for (std::uint32_t c = 0; c < k; ++c) q += inside[c] / m - out[c] * in[c] / (m * m);
  } else {
    // out + in is the summed strength D_c (a self-loop counted 2w in out).
    for (std::uint32_t c = 0; c < k; ++c) {
      const double d = out[c] + in[c];
      q += inside[c] / m - d * d / (4 * m * m);
    }
  }
  return q;
}

}  // namespace kring::graph
