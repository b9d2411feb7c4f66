#pragma once
// PageRank as networkx.pagerank(G) with its defaults (alpha=0.85,
// max_iter=100, tol=1e-6, weight="weight", uniform personalization, dangling
// mass spread uniformly): networkx 2.8's scipy power iteration
//     x <- alpha * (x P + sum(x[dangling]) / n) + (1 - alpha) / n
// where P is the out-weight-normalised adjacency (undirected ties count in
// both directions, a self-loop once) and a node with zero out-weight is
// dangling; stops when the L1 change is below n*tol, without renormalising.
// Page, Brin, Motwani & Winograd 1999. Each iteration is O(n + m), pulled
// over in-neighbours in parallel ranges split by in-degree.
//
// networkx raises when 100 iterations do not converge; kring then reports
// converged() == false and NaN scores (printed as null).
//
// Thread-safety: construct and run on one thread; run() uses `threads`.

#include <vector>

#include "graph/graph.h"

namespace kring::graph {

struct PageRankOptions {
  unsigned threads = 0;
  double alpha = 0.85;
  unsigned max_iter = 100;
  double tol = 1e-6;
  bool weighted = true;  // nx default weight="weight"
};

class PageRank {
 public:
  explicit PageRank(const Graph& g, PageRankOptions options = {}) : g_(g), options_(options) {}
  void run();
  const std::vector<double>& scores() const { return scores_; }
  bool converged() const { return converged_; }
  unsigned iterations() const { return iterations_; }

 private:
  const Graph& g_;
  PageRankOptions options_;
  std::vector<double> scores_;
  bool converged_ = false;
  unsigned iterations_ = 0;
};

}  // namespace kring::graph
