#include "graph/components.h"

#include <algorithm>
#include <limits>

namespace kring::graph {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Renumbers labels so that components appear in order of their lowest node.
Components canonical(std::vector<std::uint32_t> raw) {
  Components c;
  std::vector<std::uint32_t> map;
  c.component.resize(raw.size());
  for (std::size_t u = 0; u < raw.size(); ++u) {
    if (raw[u] >= map.size()) map.resize(raw[u] + 1, kNone);
    if (map[raw[u]] == kNone) {
      map[raw[u]] = static_cast<std::uint32_t>(c.sizes.size());
      c.sizes.push_back(0);
    }
    c.component[u] = map[raw[u]];
    ++c.sizes[c.component[u]];
  }
  return c;
}

}  // namespace

std::uint32_t Components::largest() const {
  return static_cast<std::uint32_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
}

Components weak_components(const Graph& g) {
  const NodeId n = g.node_count();
  std::vector<std::uint32_t> comp(n, kNone);
  std::vector<NodeId> stack;
  std::uint32_t next = 0;
  for (NodeId s = 0; s < n; ++s) {
    if (comp[s] != kNone) continue;
    comp[s] = next;
    stack.push_back(s);
    while (!stack.empty()) {
      const NodeId u = stack.back();
      stack.pop_back();
      for (NodeId v : g.neighbors(u)) {
        if (comp[v] == kNone) {
          comp[v] = next;
          stack.push_back(v);
        }
      }
    }
    ++next;
  }
  return canonical(std::move(comp));
}

Components strong_components(const Graph& g) {
  if (!g.directed()) return weak_components(g);
  const NodeId n = g.node_count();
  std::vector<std::uint32_t> index(n, kNone), low(n, 0), comp(n, kNone);
  std::vector<NodeId> stack;
  std::vector<std::uint8_t> on_stack(n, 0);
  struct Frame {
    NodeId u;
    std::uint32_t next_edge;
  };
  std::vector<Frame> call;
  std::uint32_t counter = 0, next_comp = 0;
  for (NodeId root = 0; root < n; ++root) {
    if (index[root] != kNone) continue;
    call.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!call.empty()) {
      Frame& f = call.back();
      auto succ = g.out_neighbors(f.u);
      if (f.next_edge < succ.size()) {
        const NodeId v = succ[f.next_edge++];
        if (index[v] == kNone) {
          index[v] = low[v] = counter++;
          stack.push_back(v);
          on_stack[v] = 1;
          call.push_back({v, 0});
        } else if (on_stack[v]) {
          low[f.u] = std::min(low[f.u], index[v]);
        }
        continue;
      }
      const NodeId u = f.u;
      call.pop_back();
      if (!call.empty()) low[call.back().u] = std::min(low[call.back().u], low[u]);
      if (low[u] == index[u]) {
        NodeId w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          comp[w] = next_comp;
        } while (w != u);
        ++next_comp;
      }
    }
  }
  return canonical(std::move(comp));
}

}  // namespace kring::graph
