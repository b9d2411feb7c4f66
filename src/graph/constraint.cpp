#include <limits>
#include <memory>

#include "graph/parallel.h"
#include "graph/structural_holes.h"

namespace kring::graph {

void Constraint::run() {
  const NodeId n = g_.node_count();
  const unsigned threads = resolve_threads(threads_);
  std::vector<double> scale(n, 0.0);
  for (NodeId u = 0; u < n; ++u) {
    for (std::size_t i = 0; i < g_.neighbors(u).size(); ++i) scale[u] += mutual_weight(g_, u, i);
  }
  scores_.assign(n, std::numeric_limits<double>::quiet_NaN());
  struct Local {
    explicit Local(NodeId n) : acc(n, 0.0), in_ego(n, 0) {}
    std::vector<double> acc;
    std::vector<std::uint8_t> in_ego;
  };
  std::vector<std::unique_ptr<Local>> locals(threads);
  parallel_chunks(threads, n, 128, [&](unsigned id, std::uint64_t b, std::uint64_t e) {
    if (!locals[id]) locals[id] = std::make_unique<Local>(n);
    Local& L = *locals[id];
    for (NodeId v = static_cast<NodeId>(b); v < e; ++v) {
      if (g_.out_neighbors(v).empty()) continue;  // nx: len(G[v]) == 0 -> NaN
      auto ego = g_.neighbors(v);
      for (std::size_t i = 0; i < ego.size(); ++i) {
        L.in_ego[ego[i]] = 1;
        L.acc[ego[i]] = mutual_weight(g_, v, i) / scale[v];
      }
      for (std::size_t i = 0; i < ego.size(); ++i) {
        const NodeId w = ego[i];
        const double p_vw = mutual_weight(g_, v, i) / scale[v];
        auto nw = g_.neighbors(w);
        for (std::size_t j = 0; j < nw.size(); ++j) {
          if (L.in_ego[nw[j]]) L.acc[nw[j]] += p_vw * (mutual_weight(g_, w, j) / scale[w]);
        }
      }
      double c = 0;
      for (NodeId x : ego) {
        c += L.acc[x] * L.acc[x];
        L.acc[x] = 0;
        L.in_ego[x] = 0;
      }
      scores_[v] = c;
    }
  });
}

}  // namespace kring::graph
