#pragma once
// k-core number per node as networkx.core_number(G): the largest k such
// that the node belongs to a subgraph where every node has degree >= k.
// Directed graphs use total degree (in + out), a reciprocal pair counting
// twice, as networkx does. networkx refuses graphs with self-loops; kring
// ignores self-loops, i.e. it returns nx.core_number of G without them.
// Batagelj & Zaversnik 2003, "An O(m) algorithm for cores decomposition of
// networks". O(n + m) time, sequential.
//
// Thread-safety: pure function of an immutable Graph.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace kring::graph {

class CoreNumber {
 public:
  explicit CoreNumber(const Graph& g) : g_(g) {}
  void run();
  const std::vector<std::uint32_t>& scores() const { return core_; }

 private:
  const Graph& g_;
  std::vector<std::uint32_t> core_;
};

}  // namespace kring::graph
