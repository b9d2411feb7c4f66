#include "graph/eigenvector.h"

#include <cmath>
#include <limits>

#include "graph/parallel.h"

namespace kring::graph {

void EigenvectorCentrality::run() {
  const NodeId n = g_.node_count();
  converged_ = false;
  iterations_ = 0;
  scores_.assign(n, 0.0);
  if (n == 0) return;
  std::vector<double> x(n, 1.0 / n), next(n, 0.0);
  const unsigned threads = resolve_threads(options_.threads);
  const auto bounds = split_by_work(g_.in_offsets(), threads);
  std::vector<double> part_sq(threads), part_diff(threads);
  for (unsigned it = 0; it < options_.max_iter; ++it) {
    iterations_ = it + 1;
    parallel_ranges(bounds, [&](unsigned p, NodeId b, NodeId e) {
      double sq = 0;
      for (NodeId v = b; v < e; ++v) {
        double s = x[v];
        for (NodeId u : g_.in_neighbors(v)) s += x[u];
        next[v] = s;
        sq += s * s;
      }
      part_sq[p] = sq;
    });
    double sq = 0;
    for (double s : part_sq) sq += s;
    double norm = std::sqrt(sq);
    if (norm == 0) norm = 1;
    parallel_ranges(bounds, [&](unsigned p, NodeId b, NodeId e) {
      double diff = 0;
      for (NodeId v = b; v < e; ++v) {
        next[v] /= norm;
        diff += std::abs(next[v] - x[v]);
      }
      part_diff[p] = diff;
    });
    double diff = 0;
    for (double d : part_diff) diff += d;
    x.swap(next);
    if (diff < n * options_.tol) {
      converged_ = true;
      scores_ = std::move(x);
      return;
    }
  }
  scores_.assign(n, std::numeric_limits<double>::quiet_NaN());
}

}  // namespace kring::graph
