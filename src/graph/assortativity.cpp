#include "graph/assortativity.h"

#include <cmath>
#include <limits>

namespace kring::graph {

double degree_assortativity(const Graph& g) {
  const NodeId n = g.node_count();
  auto x_of = [&](NodeId u) -> double { return g.directed() ? g.out_degree(u) : g.degree(u); };
  auto y_of = [&](NodeId v) -> double { return g.directed() ? g.in_degree(v) : g.degree(v); };
  double count = 0, sx = 0, sy = 0;
  for (NodeId u = 0; u < n; ++u) {
    const double xu = x_of(u);
    for (NodeId v : g.out_neighbors(u)) {
      count += 1;
      sx += xu;
      sy += y_of(v);
    }
  }
  if (count == 0) return std::numeric_limits<double>::quiet_NaN();
  const double mx = sx / count, my = sy / count;
  double cxy = 0, cxx = 0, cyy = 0;
  for (NodeId u = 0; u < n; ++u) {
    const double dx = x_of(u) - mx;
    for (NodeId v : g.out_neighbors(u)) {
      const double dy = y_of(v) - my;
      cxy += dx * dy;
      cxx += dx * dx;
      cyy += dy * dy;
    }
  }
  const double denom = std::sqrt(cxx * cyy);
  if (denom == 0) return std::numeric_limits<double>::quiet_NaN();
  return cxy / denom;
}

}  // namespace kring::graph
