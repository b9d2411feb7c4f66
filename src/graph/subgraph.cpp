#include "graph/subgraph.h"

#include <limits>
#include <unordered_map>

namespace kring::graph {

Graph induced_subgraph(const Graph& g, std::span<const NodeId> nodes) {
  constexpr NodeId kOut = std::numeric_limits<NodeId>::max();
  std::vector<NodeId> local(g.node_count(), kOut);
  EdgeList list;
  list.directed = g.directed();
  std::vector<NodeId> kept;
  for (NodeId u : nodes) {
    if (local[u] != kOut) continue;
    local[u] = static_cast<NodeId>(kept.size());
    kept.push_back(u);
    list.labels.push_back(g.label(u));
  }
  for (NodeId u : kept) {
    auto nb = g.out_neighbors(u);
    auto w = g.out_weights(u);
    for (std::size_t i = 0; i < nb.size(); ++i) {
      if (local[nb[i]] == kOut) continue;
      if (!g.directed() && nb[i] < u) continue;  // each undirected tie once
      list.edges.push_back(Edge{local[u], local[nb[i]], w[i], 0});
    }
  }
  // Ids and weights come from a valid Graph, so build() cannot fail.
  return std::move(Graph::build(std::move(list)).value());
}

Result<Graph> induced_subgraph(const Graph& g, std::span<const std::string> labels) {
  std::unordered_map<std::string_view, NodeId> index;
  index.reserve(g.node_count());
  for (NodeId u = 0; u < g.node_count(); ++u) index.emplace(g.label(u), u);
  std::vector<NodeId> ids;
  ids.reserve(labels.size());
  for (const std::string& label : labels) {
    auto it = index.find(label);
    if (it == index.end()) return Error::not_found("no node labelled '" + label + "'");
    ids.push_back(it->second);
  }
  return induced_subgraph(g, ids);
}

Graph ego_network(const Graph& g, NodeId center, unsigned radius, bool undirected) {
  std::vector<std::uint32_t> dist(g.node_count(), std::numeric_limits<std::uint32_t>::max());
  std::vector<NodeId> order{center};
  dist[center] = 0;
  for (std::size_t head = 0; head < order.size(); ++head) {
    const NodeId u = order[head];
    if (dist[u] == radius) continue;
    for (NodeId v : undirected ? g.neighbors(u) : g.out_neighbors(u)) {
      if (dist[v] == std::numeric_limits<std::uint32_t>::max()) {
        dist[v] = dist[u] + 1;
        order.push_back(v);
      }
    }
  }
  return induced_subgraph(g, order);
}

Result<NodeId> find_node(const Graph& g, std::string_view label) {
  for (NodeId u = 0; u < g.node_count(); ++u) {
    if (g.label(u) == label) return u;
  }
  return Error::not_found("no node labelled '" + std::string(label) + "'");
}

}  // namespace kring::graph
