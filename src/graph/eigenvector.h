#pragma once
// Eigenvector centrality as networkx.eigenvector_centrality(G) with its
// defaults (max_iter=100, tol=1e-6, nstart all 1, weight=None): power
// iteration on (A + I) from the uniform vector, x_new[v] = x[v] + sum over
// in-neighbours u of x[u] (a self-loop adds x[v] once more), normalised by
// the Euclidean norm each step, stopping when the L1 change is below n*tol.
// Bonacich 1987. Each iteration is O(n + m), run in parallel split by
// in-degree.
//
// networkx raises PowerIterationFailedConvergence when 100 iterations do not
// converge; kring then reports converged() == false and all scores NaN
// (printed as null), so no unconverged number is ever shown as a result.
//
// Thread-safety: construct and run on one thread; run() uses `threads`.

#include <vector>

#include "graph/graph.h"

namespace kring::graph {

struct EigenvectorOptions {
  unsigned threads = 0;
  unsigned max_iter = 100;
  double tol = 1e-6;
};

class EigenvectorCentrality {
 public:
  explicit EigenvectorCentrality(const Graph& g, EigenvectorOptions options = {})
      : g_(g), options_(options) {}
  void run();
  const std::vector<double>& scores() const { return scores_; }
  bool converged() const { return converged_; }
  unsigned iterations() const { return iterations_; }

 private:
  const Graph& g_;
  EigenvectorOptions options_;
  std::vector<double> scores_;
  bool converged_ = false;
  unsigned iterations_ = 0;
};

}  // namespace kring::graph
