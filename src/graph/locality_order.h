#pragma once
// Renumbers a graph so that nodes close in the network are close in memory:
// breadth-first order, each component started from its highest-degree
// node (in the spirit of Cuthill & McKee 1969). Traversal kernels (Brandes,
// bit-parallel BFS) touch neighbours' state at random; on the 100k-node
// bench graph this order makes them about 2x faster by keeping those
// touches in cache. Results are mapped back with `to_local`.
//
// Thread-safety: pure function of an immutable Graph.

#include <vector>

#include "graph/graph.h"

namespace kring::graph {

struct LocalityOrder {
  Graph graph;                   // the renumbered copy
  std::vector<NodeId> to_local;  // original id -> id in `graph`
};

// O(n log n + m) time; the copy costs as much memory as `g`.
LocalityOrder locality_order(const Graph& g);

// values_local[to_local[u]] for each original node u.
template <typename T>
std::vector<T> to_original(const LocalityOrder& order, const std::vector<T>& values_local) {
  std::vector<T> out(order.to_local.size());
  for (std::size_t u = 0; u < out.size(); ++u) out[u] = values_local[order.to_local[u]];
  return out;
}

}  // namespace kring::graph
