#include "graph/assortativity.h"

#include <cmath>
#include <limits>
#include <vector>

#include "graph/parallel.h"

namespace kring::graph {

double degree_assortativity(const Graph& g) {
  const NodeId n = g.node_count();
  std::vector<std::uint32_t> y(n);
  for (NodeId v = 0; v < n; ++v) y[v] = g.directed() ? g.in_degree(v) : g.degree(v);
  // One pass of exact integer moments, in parallel ranges; 128 bits hold
  // S * sum(xy) for any graph that fits in memory, so no cancellation error.
  using Wide = unsigned __int128;
  struct Moments {
    Wide count = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  };
  const auto bounds = split_by_work(g.out_offsets(), resolve_threads(0));
  std::vector<Moments> parts(bounds.size() - 1);
  parallel_ranges(bounds, [&](unsigned p, NodeId b, NodeId e) {
    Moments mo;
    for (NodeId u = b; u < e; ++u) {
      const Wide xu = g.directed() ? g.out_degree(u) : y[u];
      Wide ys = 0, yys = 0;
      const auto nbrs = g.out_neighbors(u);
      for (NodeId v : nbrs) {
        ys += y[v];
        yys += static_cast<Wide>(y[v]) * y[v];
      }
      const Wide k = nbrs.size();
      mo.count += k;
      mo.sx += k * xu;
      mo.sxx += k * xu * xu;
      mo.sy += ys;
      mo.syy += yys;
      mo.sxy += xu * ys;
    }
    parts[p] = mo;
  });
  Wide count = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (const Moments& mo : parts) {
    count += mo.count;
    sx += mo.sx;
    sy += mo.sy;
    sxx += mo.sxx;
    syy += mo.syy;
    sxy += mo.sxy;
  }
  if (count == 0) return std::numeric_limits<double>::quiet_NaN();
  // Pearson correlation: (S sxy - sx sy) / sqrt((S sxx - sx^2)(S syy - sy^2)).
  auto diff = [](Wide a, Wide b) {
    return a >= b ? static_cast<long double>(a - b) : -static_cast<long double>(b - a);
  };
  const long double cov = diff(count * sxy, sx * sy);
  const long double vx = diff(count * sxx, sx * sx);
  const long double vy = diff(count * syy, sy * sy);
  if (vx <= 0 || vy <= 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(cov / std::sqrt(vx * vy));
}

}  // namespace kring::graph
