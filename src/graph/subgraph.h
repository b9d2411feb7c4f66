#pragma once
// Sub-networks, so metrics can be computed for a space, the members with a
// tag, or one member's ego network: select nodes, then analyze() the result.
// Node labels, weights and direction carry over; node ids are renumbered
// in the order of the selection.
//
// Thread-safety: pure functions of an immutable Graph.

#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"

namespace kring::graph {

// The subgraph induced by `nodes` (networkx G.subgraph(nodes)): those nodes
// and every tie between two of them. Duplicates in `nodes` are ignored.
// REQUIRES: every id < g.node_count(). O(sum of their degrees).
Graph induced_subgraph(const Graph& g, std::span<const NodeId> nodes);

// As induced_subgraph, selecting nodes by label. Fails with
// Error::not_found naming the first unknown label.
Result<Graph> induced_subgraph(const Graph& g, std::span<const std::string> labels);

// The ego network of `center` (networkx.ego_graph(G, center, radius)): the
// nodes within `radius` ties of it, following ties in their direction
// unless `undirected` is set (as ego_graph's `undirected`), and all ties
// among them. The center is node 0 of the result.
// REQUIRES: center < g.node_count().
Graph ego_network(const Graph& g, NodeId center, unsigned radius = 1, bool undirected = false);

// The id of the node labelled `label`. O(n).
Result<NodeId> find_node(const Graph& g, std::string_view label);

}  // namespace kring::graph
