#include "graph/pagerank.h"

#include <cmath>
#include <limits>

#include "graph/parallel.h"

namespace kring::graph {

void PageRank::run() {
  const NodeId n = g_.node_count();
  converged_ = false;
  iterations_ = 0;
  scores_.clear();
  if (n == 0) return;
  const bool weighted = options_.weighted;
  // inv_out[u] = 1 / out-weight of u, 0 for dangling nodes.
  std::vector<double> inv_out(n, 0.0);
  std::vector<NodeId> dangling;
  for (NodeId u = 0; u < n; ++u) {
    double s = 0;
    if (weighted) {
      for (double w : g_.out_weights(u)) s += w;
    } else {
      s = g_.out_neighbors(u).size();
    }
    if (s != 0) {
      inv_out[u] = 1.0 / s;
    } else {
      dangling.push_back(u);
    }
  }
  const double alpha = options_.alpha;
  const double base = (1.0 - alpha) / n;
  std::vector<double> x(n, 1.0 / n), next(n), share(n);
  const unsigned threads = resolve_threads(options_.threads);
  const auto bounds = split_by_work(g_.in_offsets(), threads);
  std::vector<double> part_diff(threads);
  for (unsigned it = 0; it < options_.max_iter; ++it) {
    iterations_ = it + 1;
    double dangling_sum = 0;
    for (NodeId u : dangling) dangling_sum += x[u];
    const double spread = dangling_sum / n;
    parallel_ranges(bounds, [&](unsigned, NodeId b, NodeId e) {
      for (NodeId u = b; u < e; ++u) share[u] = x[u] * inv_out[u];
    });
    parallel_ranges(bounds, [&](unsigned p, NodeId b, NodeId e) {
      double diff = 0;
      for (NodeId v = b; v < e; ++v) {
        auto nbrs = g_.in_neighbors(v);
        double s = 0;
        if (weighted) {
          auto ws = g_.in_weights(v);
          for (std::size_t i = 0; i < nbrs.size(); ++i) s += share[nbrs[i]] * ws[i];
        } else {
          for (NodeId u : nbrs) s += share[u];
        }
        next[v] = alpha * (s + spread) + base;
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
