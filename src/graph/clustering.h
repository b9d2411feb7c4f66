#pragma once
// Local clustering, average clustering and transitivity, unweighted, as
// networkx.clustering(G), average_clustering(G) and transitivity(G) with
// their defaults. Self-loops are ignored, as networkx does.
//
// Undirected (Watts & Strogatz 1998): c(v) = 2 T(v) / (d(d-1)), d the number
// of neighbours. Directed (Fagiolo 2007, "Clustering in complex directed
// networks"): c(v) = t(v) / (2 (d_tot(d_tot-1) - 2 d_bi)) with t(v) the
// directed triangles through v, i.e. (S^3)_vv for S = A + A^T.
// transitivity = 3 * triangles / connected triples; for directed graphs
// networkx 2.8 applies the undirected formula to successor sets, and so
// does kring: sum_v |{(w,k): w,k in succ(v), k in succ(w)}| / sum_v
// d+(d+ - 1).
//
// Triangles are listed once each on the degree-ordered orientation
// (Schank & Wagner 2005, "forward"), O(m^1.5), in parallel.
//
// Thread-safety: construct and run on one thread; run() uses `threads`.

#include <vector>

#include "graph/graph.h"

namespace kring::graph {

class Clustering {
 public:
  explicit Clustering(const Graph& g, unsigned threads = 0) : g_(g), threads_(threads) {}
  void run();
  const std::vector<double>& scores() const { return scores_; }
  // NaN for a graph without nodes (networkx divides by zero).
  double average() const { return average_; }
  double transitivity() const { return transitivity_; }

 private:
  void run_transitivity();

  const Graph& g_;
  unsigned threads_;
  std::vector<double> scores_;
  double average_ = 0;
  double transitivity_ = 0;
};

}  // namespace kring::graph
