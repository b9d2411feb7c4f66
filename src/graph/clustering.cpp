#include "graph/clustering.h"

#include <limits>
#include <memory>

#include "graph/parallel.h"

namespace kring::graph {

void Clustering::run() {
  const NodeId n = g_.node_count();
  const unsigned threads = resolve_threads(threads_);
  // Degree without self-loops in the symmetric view, and node rank by it.
  std::vector<std::uint32_t> deg(n);
  for (NodeId u = 0; u < n; ++u) {
    deg[u] = static_cast<std::uint32_t>(g_.neighbors(u).size() - (g_.has_self_loop(u) ? 1 : 0));
  }
  auto higher = [&](NodeId a, NodeId b) { return deg[a] < deg[b] || (deg[a] == deg[b] && a < b); };
  // Oriented adjacency: neighbours of higher rank, with their multiplicity.
  std::vector<std::uint64_t> off(n + 1, 0);
  for (NodeId u = 0; u < n; ++u) {
    for (NodeId v : g_.neighbors(u)) off[u + 1] += (v != u && higher(u, v)) ? 1 : 0;
  }
  for (NodeId u = 0; u < n; ++u) off[u + 1] += off[u];
  std::vector<NodeId> fwd(off[n]);
  std::vector<std::uint8_t> mult(off[n]);
  for (NodeId u = 0; u < n; ++u) {
    auto nb = g_.neighbors(u);
    auto mu = g_.neighbor_multiplicity(u);
    std::uint64_t k = off[u];
    for (std::size_t i = 0; i < nb.size(); ++i) {
      if (nb[i] != u && higher(u, nb[i])) {
        fwd[k] = nb[i];
        mult[k++] = mu[i];
      }
    }
  }
  struct Local {
    explicit Local(NodeId n) : t(n, 0), mark(n, 0) {}
    std::vector<std::uint64_t> t;
    std::vector<std::uint8_t> mark;
  };
  std::vector<std::unique_ptr<Local>> locals(threads);
  parallel_chunks(threads, n, 256, [&](unsigned id, std::uint64_t b, std::uint64_t e) {
    if (!locals[id]) locals[id] = std::make_unique<Local>(n);
    Local& L = *locals[id];
    for (NodeId u = static_cast<NodeId>(b); u < e; ++u) {
      for (std::uint64_t i = off[u]; i < off[u + 1]; ++i) L.mark[fwd[i]] = mult[i];
      for (std::uint64_t i = off[u]; i < off[u + 1]; ++i) {
        const NodeId v = fwd[i];
        for (std::uint64_t j = off[v]; j < off[v + 1]; ++j) {
          const NodeId w = fwd[j];
          if (L.mark[w] == 0) continue;
          const std::uint64_t p = std::uint64_t{mult[i]} * mult[j] * L.mark[w];
          L.t[u] += p;
          L.t[v] += p;
          L.t[w] += p;
        }
      }
      for (std::uint64_t i = off[u]; i < off[u + 1]; ++i) L.mark[fwd[i]] = 0;
    }
  });
  std::vector<std::uint64_t> tri(n, 0);
  for (const auto& L : locals) {
    if (!L) continue;
    for (NodeId v = 0; v < n; ++v) tri[v] += L->t[v];
  }
  scores_.assign(n, 0.0);
  double sum = 0;
  for (NodeId v = 0; v < n; ++v) {
    // tri[v] counts each triangle through v once (weighted by multiplicity);
    // networkx's t counts ordered neighbour pairs: twice that.
    const std::uint64_t t = 2 * tri[v];
    if (t == 0) continue;
    const double d = deg[v];
    if (!g_.directed()) {
      scores_[v] = static_cast<double>(t) / (d * (d - 1));
    } else {
      double bi = 0;
      for (std::uint8_t m : g_.neighbor_multiplicity(v)) bi += (m == 2) ? 1 : 0;
      if (g_.has_self_loop(v)) {
        // The self-loop entry has multiplicity 2 but is no reciprocal tie.
        bi -= 1;
      }
      // Total degree counts a reciprocal neighbour twice.
      const double dt = d + bi;
      scores_[v] = static_cast<double>(t) / ((dt * (dt - 1) - 2 * bi) * 2);
    }
  }
  for (double c : scores_) sum += c;
  average_ = n == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / n;

  if (!g_.directed()) {
    double triangles = 0, triples = 0;
    for (NodeId v = 0; v < n; ++v) {
      triangles += 2.0 * tri[v];
      triples += static_cast<double>(deg[v]) * (static_cast<double>(deg[v]) - 1);
    }
    transitivity_ = triangles == 0 ? 0.0 : triangles / triples;
  } else {
    run_transitivity();
  }
}

void Clustering::run_transitivity() {
  const NodeId n = g_.node_count();
  const unsigned threads = resolve_threads(threads_);
  struct Local {
    explicit Local(NodeId n) : mark(n, 0) {}
    std::vector<std::uint8_t> mark;
    std::uint64_t closed = 0;
    double triples = 0;
  };
  std::vector<std::unique_ptr<Local>> locals(threads);
  parallel_chunks(threads, n, 256, [&](unsigned id, std::uint64_t b, std::uint64_t e) {
    if (!locals[id]) locals[id] = std::make_unique<Local>(n);
    Local& L = *locals[id];
    for (NodeId v = static_cast<NodeId>(b); v < e; ++v) {
      auto succ = g_.out_neighbors(v);
      double d = 0;
      for (NodeId w : succ) {
        if (w != v) {
          L.mark[w] = 1;
          ++d;
        }
      }
      L.triples += d * (d - 1);
      for (NodeId w : succ) {
        if (w == v) continue;
        for (NodeId k : g_.out_neighbors(w)) L.closed += (k != w && L.mark[k]) ? 1 : 0;
      }
      for (NodeId w : succ) L.mark[w] = 0;
    }
  });
  std::uint64_t closed = 0;
  double triples = 0;
  for (const auto& L : locals) {
    if (!L) continue;
    closed += L->closed;
    triples += L->triples;
  }
  transitivity_ = closed == 0 ? 0.0 : static_cast<double>(closed) / triples;
}

}  // namespace kring::graph
