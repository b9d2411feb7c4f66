#include "graph/betweenness.h"

#include <cmath>
#include <memory>
#include <numeric>

#include "graph/parallel.h"
#include "graph/sampling.h"

namespace kring::graph {
namespace {

// Per-thread state for single-source dependency accumulation. dist and
// sigma (forward), then dist and coeff (backward) sit side by side so each
// neighbour visit touches one cache line.
struct NodeState {
  std::int32_t dist = -1;
  double sigma = 0;
  double coeff = 0;  // (1 + delta) / sigma, once the node is final
};

struct BrandesWorkspace {
  explicit BrandesWorkspace(NodeId n) : state(n), scores(n, 0) { order.reserve(n); }
  std::vector<NodeState> state;
  std::vector<NodeId> order;
  std::vector<double> scores;

  void accumulate(const Graph& g, NodeId s) {
    order.clear();
    order.push_back(s);
    state[s].dist = 0;
    state[s].sigma = 1;
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeId v = order[head];
      const std::int32_t dv = state[v].dist + 1;
      const double sv = state[v].sigma;
      for (NodeId w : g.out_neighbors(v)) {
        NodeState& x = state[w];
        if (x.dist < 0) {
          x.dist = dv;
          order.push_back(w);
        }
        if (x.dist == dv) x.sigma += sv;
      }
    }
    // Pull form of Brandes' back-propagation: delta[v] = sigma[v] * sum over
    // successors w on shortest paths of (1 + delta[w]) / sigma[w]. Nodes
    // are final in reverse BFS order, and each writes only its own entry.
    for (std::size_t i = order.size(); i-- > 0;) {
      const NodeId v = order[i];
      NodeState& x = state[v];
      const std::int32_t next = x.dist + 1;
      double acc = 0;
      for (NodeId w : g.out_neighbors(v)) {
        const NodeState& y = state[w];
        if (y.dist == next) acc += y.coeff;
      }
      const double delta = x.sigma * acc;
      if (v != s) scores[v] += delta;
      x.coeff = (1.0 + delta) / x.sigma;
    }
    for (NodeId v : order) state[v] = NodeState{};
  }
};

}  // namespace

Betweenness::Betweenness(const Graph& g, BetweennessOptions options) : g_(g), options_(options) {}

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
    error_bound_ =
        static_cast<double>(n) / (n - 1) * std::sqrt(std::log(2.0 * n / delta) / (2.0 * sources_));
  }
}

}  // namespace kring::graph
