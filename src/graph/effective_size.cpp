#include <algorithm>
#include <limits>
#include <memory>

#include "graph/parallel.h"
#include "graph/structural_holes.h"

namespace kring::graph {

void EffectiveSize::run() {
  const NodeId n = g_.node_count();
  const unsigned threads = resolve_threads(threads_);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> scale(n, 0.0), max_mw(n, 0.0);
  for (NodeId u = 0; u < n; ++u) {
    for (std::size_t i = 0; i < g_.neighbors(u).size(); ++i) {
      scale[u] += mutual_weight(g_, u, i);
      max_mw[u] = std::max(max_mw[u], mutual_weight(g_, u, i));
    }
  }
  scores_.assign(n, nan);
  struct Local {
    explicit Local(NodeId n) : p(n, 0.0), in_ego(n, 0) {}
    std::vector<double> p;
    std::vector<std::uint8_t> in_ego;
  };
  std::vector<std::unique_ptr<Local>> locals(threads);
  parallel_chunks(threads, n, 128, [&](unsigned id, std::uint64_t b, std::uint64_t e) {
    if (!locals[id]) locals[id] = std::make_unique<Local>(n);
    Local& L = *locals[id];
    for (NodeId v = static_cast<NodeId>(b); v < e; ++v) {
      if (g_.out_neighbors(v).empty()) continue;  // nx: len(G[v]) == 0 -> NaN
      auto ego = g_.neighbors(v);
      if (!g_.directed()) {
        // Borgatti: |N| - 2t/|N| over the neighbours other than v.
        double size = 0;
        for (NodeId x : ego) {
          if (x != v) {
            L.in_ego[x] = 1;
            ++size;
          }
        }
        double ties = 0;
        for (NodeId w : ego) {
          if (w == v) continue;
          for (NodeId x : g_.neighbors(w)) ties += (x >= w && L.in_ego[x]) ? 1 : 0;
        }
        for (NodeId x : ego) L.in_ego[x] = 0;
        if (size > 0) scores_[v] = size - (2 * ties) / size;
        continue;
      }
      for (std::size_t i = 0; i < ego.size(); ++i) {
        L.in_ego[ego[i]] = 1;
        L.p[ego[i]] = mutual_weight(g_, v, i) / scale[v];
      }
      double total = 0;
      for (NodeId u : ego) {
        double r = 0;
        auto nu = g_.neighbors(u);
        for (std::size_t j = 0; j < nu.size(); ++j) {
          if (L.in_ego[nu[j]]) r += L.p[nu[j]] * (mutual_weight(g_, u, j) / max_mw[u]);
        }
        total += 1 - r;
      }
      for (NodeId x : ego) {
        L.in_ego[x] = 0;
        L.p[x] = 0;
      }
      scores_[v] = total;
    }
  });
}

}  // namespace kring::graph
