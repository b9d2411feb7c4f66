#pragma once
// Connected components: weak (undirected reachability; nx
// connected_components / weakly_connected_components) and strong (Tarjan
// 1972, iterative; nx strongly_connected_components). For undirected graphs
// the strong components are the connected components. O(n + m) time.
// Thread-safety: pure functions of an immutable Graph.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace kring::graph {

struct Components {
  // component[u] in [0, count); components are numbered in order of their
  // lowest node id.
  std::vector<std::uint32_t> component;
  std::vector<std::uint32_t> sizes;
  std::uint32_t count() const { return static_cast<std::uint32_t>(sizes.size()); }
  // The largest component; the one with the lowest number on ties.
  std::uint32_t largest() const;
};

Components weak_components(const Graph& g);
Components strong_components(const Graph& g);

}  // namespace kring::graph
