#pragma once
// Burt's structural-hole measures (Burt 1992, "Structural Holes"), the
// broker indicators, unweighted as networkx.constraint(G) and
// networkx.effective_size(G) with weight=None.
//
// With mutual weight mw(u,v) = a_uv + a_vu (2 for every undirected tie and
// every self-loop), N(u) the set of in- and out-neighbours (u included when
// it has a self-loop) and p_uv = mw(u,v) / sum_{w in N(u)} mw(u,w):
//   constraint(v) = sum_{n in N(v)} (p_vn + sum_{w in N(v)} p_vw p_wn)^2
//   effective_size(v), directed: sum_{u in N(v)} (1 - sum_{w in N(v)}
//       p_vw * mw(u,w) / max_z mw(u,z));
//   effective_size(v), undirected: Borgatti 1997's form
//       |N| - 2 t / |N| with N the neighbours other than v and t the ties
//       among them (self-loops of neighbours included), as networkx.
// Undefined values are NaN (printed as null): networkx returns NaN when v
// has no successors (len(G[v]) == 0, so a directed node with only incoming
// ties is undefined too); for an undirected node whose only tie is a
// self-loop networkx divides by zero, and kring returns NaN.
//
// Both take O(sum_v deg(v)^2) time, in parallel over nodes.
// Thread-safety: construct and run on one thread; run() uses `threads`.

#include <vector>

#include "graph/graph.h"

namespace kring::graph {

class Constraint {
 public:
  explicit Constraint(const Graph& g, unsigned threads = 0) : g_(g), threads_(threads) {}
  void run();
  const std::vector<double>& scores() const { return scores_; }

 private:
  const Graph& g_;
  unsigned threads_;
  std::vector<double> scores_;
};

class EffectiveSize {
 public:
  explicit EffectiveSize(const Graph& g, unsigned threads = 0) : g_(g), threads_(threads) {}
  void run();
  const std::vector<double>& scores() const { return scores_; }

 private:
  const Graph& g_;
  unsigned threads_;
  std::vector<double> scores_;
};

// mw(u, v) for the i-th entry of g.neighbors(u), unweighted.
inline double mutual_weight(const Graph& g, NodeId u, std::size_t i) {
  return g.directed() ? g.neighbor_multiplicity(u)[i] : 2.0;
}

}  // namespace kring::graph
