#include "graph/assortativity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "graph/parallel.h"

namespace kring::graph {

namespace {

using Wide = unsigned __int128;

// Integer moments of the pairs (x = source degree, y = target degree) over
// every arc, as networkx's node_degree_xy yields them (an undirected tie is
// two arcs, a self-loop one), summed in T.
template <typename T>
struct Moments {
  T count = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
};

// Moments over the arcs leaving nodes [b, e), computed and summed in T:
// 64 bits when the caller proved no sum can overflow (128-bit arithmetic made
// this 2x slower than igraph on 10k nodes), 128 bits otherwise.
template <typename T>
Moments<Wide> node_moments(const Graph& g, const std::vector<std::uint32_t>& y, NodeId b,
                           NodeId e) {
  const bool directed = g.directed();
  Moments<T> mo;
  for (NodeId u = b; u < e; ++u) {
    const T xu = directed ? g.out_degree(u) : y[u];
    const T arcs_out = g.out_degree(u);
    // Arcs entering u: its in-arcs, or, undirected, its CSR entries.
    const T arcs_in = directed ? g.in_degree(u) : g.out_degree(u);
    const T yu = y[u];
    mo.count += arcs_out;
    mo.sx += arcs_out * xu;
    mo.sxx += arcs_out * xu * xu;
    mo.sy += arcs_in * yu;
    mo.syy += arcs_in * yu * yu;
    // At most 2^32 terms below 2^32 each: fits 64 bits.
    std::uint64_t ys = 0;
    const auto nbrs = g.out_neighbors(u);
    if (directed) {
      for (NodeId v : nbrs) ys += y[v];
      mo.sxy += xu * static_cast<T>(ys);
      continue;
    }
    // Undirected: the tie {u, v} gives yu*yv twice, so read only v > u
    // (the sorted list's tail): half the random reads of y. A self-loop
    // gives yu*yu once.
    for (auto it = nbrs.rbegin(); it != nbrs.rend() && *it > u; ++it) ys += y[*it];
    mo.sxy += 2 * xu * static_cast<T>(ys) + (g.has_self_loop(u) ? xu * xu : 0);
  }
  return {mo.count, mo.sx, mo.sy, mo.sxx, mo.syy, mo.sxy};
}

}  // namespace

double degree_assortativity(const Graph& g) {
  const NodeId n = g.node_count();
  const bool directed = g.directed();
  // x: out-degree of the source; y: in-degree of the target (both the
  // degree when undirected). Only sxy needs the arcs: the other moments are
  // sums over nodes weighted by how many arcs leave (x) or enter (y) them.
  std::vector<std::uint32_t> y(n);
  for (NodeId v = 0; v < n; ++v) y[v] = directed ? g.in_degree(v) : g.degree(v);
  // Every sum is at most (arcs + 1) * max_degree^3 / 2 or so; below 2^63 the
  // 64-bit path is exact.
  std::uint32_t max_y = 1;
  for (NodeId v = 0; v < n; ++v) max_y = std::max({max_y, y[v], g.out_degree(v)});
  const long double bound =
      (static_cast<long double>(g.out_offsets().back()) + 1) * max_y * max_y * max_y * 2;
  const bool narrow = bound < 9.2e18L;
  // Two threads only pay off past about a million arcs (20 us to start one).
  const unsigned threads = g.out_offsets().back() > (1u << 20) ? resolve_threads(0) : 1;
  const auto bounds = split_by_work(g.out_offsets(), threads);
  std::vector<Moments<Wide>> parts(bounds.size() - 1);
  parallel_ranges(bounds, [&](unsigned p, NodeId b, NodeId e) {
    parts[p] = narrow ? node_moments<std::uint64_t>(g, y, b, e) : node_moments<Wide>(g, y, b, e);
  });
  Moments<Wide> t;
  for (const Moments<Wide>& mo : parts) {
    t.count += mo.count;
    t.sx += mo.sx;
    t.sy += mo.sy;
    t.sxx += mo.sxx;
    t.syy += mo.syy;
    t.sxy += mo.sxy;
  }
  if (t.count == 0) return std::numeric_limits<double>::quiet_NaN();
  // Pearson correlation: (S sxy - sx sy) / sqrt((S sxx - sx^2)(S syy - sy^2)),
  // exact in integers up to the last step, so no cancellation error.
  auto diff = [](Wide a, Wide b) {
    return a >= b ? static_cast<long double>(a - b) : -static_cast<long double>(b - a);
  };
  const long double cov = diff(t.count * t.sxy, t.sx * t.sy);
  const long double vx = diff(t.count * t.sxx, t.sx * t.sx);
  const long double vy = diff(t.count * t.syy, t.sy * t.sy);
  if (vx <= 0 || vy <= 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(cov / std::sqrt(vx * vy));
}

}  // namespace kring::graph
