#include "graph/betweenness.h"

#include <cmath>
#include <memory>
#include <numeric>

#include "graph/parallel.h"
#include "graph/sampling.h"

namespace kring::graph {
namespace {

// Per-thread buffers for single-source dependency accumulation.
struct BrandesWorkspace {
  explicit BrandesWorkspace(NodeId n) : dist(n, -1), sigma(n, 0), delta(n, 0), scores(n, 0) {
    order.reserve(n);
  }
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;
  std::vector<double> delta;
  std::vector<NodeId> order;
  std::vector<double> scores;

  void accumulate(const Graph& g, NodeId s) {
    order.clear();
    order.push_back(s);
    dist[s] = 0;
    sigma[s] = 1;
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeId v = order[head];
      const std::int32_t dv = dist[v] + 1;
      const double sv = sigma[v];
      for (NodeId w : g.out_neighbors(v)) {
        if (dist[w] < 0) {
          dist[w] = dv;
          order.push_back(w);
        }
        if (dist[w] == dv) sigma[w] += sv;
      }
    }
    for (std::size_t i = order.size(); i-- > 0;) {
      const NodeId w = order[i];
      const std::int32_t dw = dist[w] - 1;
      const double coeff = (1.0 + delta[w]) / sigma[w];
      for (NodeId v : g.in_neighbors(w)) {
        if (dist[v] == dw) delta[v] += sigma[v] * coeff;
      }
      if (w != s) scores[w] += delta[w];
    }
    for (NodeId v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
};

}  // namespace

Betweenness::Betweenness(const Graph& g, BetweennessOptions options)
    : g_(g), options_(options) {}

void Betweenness::run() {
  const NodeId n = g_.node_count();
  scores_.assign(n, 0.0);
  sampled_ = options_.pivots != 0 && options_.pivots < n;
  std::vector<NodeId> sources =
      sampled_ ? sample_nodes(n, options_.pivots, options_.seed) : sample_nodes(n, n, 0);
  sources_ = static_cast<std::uint32_t>(sources.size());
  if (n == 0) return;

  const unsigned threads = resolve_threads(options_.threads);
  std::vector<std::unique_ptr<BrandesWorkspace>> spaces(threads);
  parallel_chunks(threads, sources.size(), 8, [&](unsigned id, std::uint64_t b, std::uint64_t e) {
    if (!spaces[id]) spaces[id] = std::make_unique<BrandesWorkspace>(n);
    for (std::uint64_t i = b; i < e; ++i) spaces[id]->accumulate(g_, sources[i]);
    advance(options_.progress, e - b);
  });
  for (const auto& ws : spaces) {
    if (!ws) continue;
    for (NodeId v = 0; v < n; ++v) scores_[v] += ws->scores[v];
  }
  // networkx _rescale: normalized, endpoints=False.
  if (n > 2) {
    double scale = 1.0 / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
    if (sampled_) scale = scale * n / sources_;
    for (double& b : scores_) b *= scale;
  }
  error_bound_ = 0;
  if (sampled_) {
    const double delta = 1.0 - options_.confidence;
    error_bound_ = static_cast<double>(n) / (n - 1) *
                   std::sqrt(std::log(2.0 * n / delta) / (2.0 * sources_));
  }
}

}  // namespace kring::graph
