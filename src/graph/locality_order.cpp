#include "graph/locality_order.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "graph/subgraph.h"

namespace kring::graph {

LocalityOrder locality_order(const Graph& g) {
  const NodeId n = g.node_count();
  constexpr NodeId kUnset = std::numeric_limits<NodeId>::max();
  std::vector<NodeId> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), NodeId{0});
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](NodeId a, NodeId b) { return g.degree(a) > g.degree(b); });
  LocalityOrder out;
  out.to_local.assign(n, kUnset);
  std::vector<NodeId> order;
  order.reserve(n);
  for (NodeId root : by_degree) {
    if (out.to_local[root] != kUnset) continue;
    std::size_t head = order.size();
    out.to_local[root] = static_cast<NodeId>(order.size());
    order.push_back(root);
    for (; head < order.size(); ++head) {
      for (NodeId v : g.neighbors(order[head])) {
        if (out.to_local[v] == kUnset) {
          out.to_local[v] = static_cast<NodeId>(order.size());
          order.push_back(v);
        }
      }
    }
  }
  out.graph = induced_subgraph(g, order);
  return out;
}

}  // namespace kring::graph
