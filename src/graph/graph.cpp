#include "graph/graph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace kring::graph {
namespace {

// Stable counting sort of edge positions by a key in [0, n): O(n + m).
template <typename Key>
std::vector<std::uint64_t> counting_sort(const std::vector<std::uint64_t>& order, std::size_t n,
                                         Key key) {
  std::vector<std::uint64_t> count(n + 1, 0);
  for (std::uint64_t i : order) ++count[key(i) + 1];
  std::partial_sum(count.begin(), count.end(), count.begin());
  std::vector<std::uint64_t> out(order.size());
  for (std::uint64_t i : order) out[count[key(i)]++] = i;
  return out;
}

}  // namespace

Result<Graph> Graph::build(EdgeList list, BuildOptions options) {
  const std::size_t n = list.labels.size();
  if (n >= std::numeric_limits<NodeId>::max()) {
    return Error::invalid("too_many_nodes", "the network has more than 2^32-2 nodes");
  }
  for (std::size_t i = 0; i < list.edges.size(); ++i) {
    Edge& e = list.edges[i];
    if (e.source >= n || e.target >= n) {
      return Error::invalid("bad_edge", "edge " + std::to_string(i) + " refers to an unknown node");
    }
    if (!std::isfinite(e.weight) || e.weight < 0) {
      return Error::invalid("bad_weight", "edge " + std::to_string(i) +
                                              " has a weight that is not a finite number >= 0");
    }
    if (!list.directed && e.source > e.target) std::swap(e.source, e.target);
  }

  // Sort edge positions by (source, target), stable so "last" means last read.
  std::vector<std::uint64_t> order(list.edges.size());
  std::iota(order.begin(), order.end(), 0);
  order = counting_sort(order, n, [&](std::uint64_t i) { return list.edges[i].target; });
  order = counting_sort(order, n, [&](std::uint64_t i) { return list.edges[i].source; });

  // Merge duplicates into a sorted list of distinct ties.
  std::vector<Edge> ties;
  ties.reserve(order.size());
  for (std::uint64_t i : order) {
    const Edge& e = list.edges[i];
    if (!ties.empty() && ties.back().source == e.source && ties.back().target == e.target) {
      if (options.duplicates == DuplicatePolicy::kSum) {
        ties.back().weight += e.weight;
      } else {
        ties.back().weight = e.weight;
      }
      continue;
    }
    ties.push_back(e);
  }
  list.edges.clear();
  list.edges.shrink_to_fit();
  order = {};

  Graph g;
  g.directed_ = list.directed;
  g.labels_ = std::move(list.labels);
  g.self_loop_.assign(n, 0);
  g.edge_count_ = ties.size();
  for (const Edge& e : ties) {
    if (e.weight != 1.0) g.weighted_ = true;
    if (e.source == e.target) {
      g.self_loop_[e.source] = 1;
      ++g.self_loops_;
    }
  }

  auto fill = [n](Csr& c, const std::vector<Edge>& es, bool forward, bool backward) {
    c.offsets.assign(n + 1, 0);
    for (const Edge& e : es) {
      if (forward) ++c.offsets[e.source + 1];
      if (backward && (e.source != e.target || !forward)) ++c.offsets[e.target + 1];
    }
    std::partial_sum(c.offsets.begin(), c.offsets.end(), c.offsets.begin());
    c.targets.resize(c.offsets[n]);
    c.weights.resize(c.offsets[n]);
    std::vector<std::uint64_t> pos(c.offsets.begin(), c.offsets.end() - 1);
    for (const Edge& e : es) {
      if (forward) {
        c.targets[pos[e.source]] = e.target;
        c.weights[pos[e.source]++] = e.weight;
      }
      if (backward && (e.source != e.target || !forward)) {
        c.targets[pos[e.target]] = e.source;
        c.weights[pos[e.target]++] = e.weight;
      }
    }
    // Entries arrive sorted per row only for the forward pass; sort rows.
    for (std::size_t u = 0; u < n; ++u) {
      const auto b = c.offsets[u], en = c.offsets[u + 1];
      if (std::is_sorted(c.targets.begin() + b, c.targets.begin() + en)) continue;
      std::vector<std::pair<NodeId, double>> row;
      row.reserve(en - b);
      for (auto k = b; k < en; ++k) row.emplace_back(c.targets[k], c.weights[k]);
      std::sort(row.begin(), row.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (auto k = b; k < en; ++k) {
        c.targets[k] = row[k - b].first;
        c.weights[k] = row[k - b].second;
      }
    }
  };

  if (g.directed_) {
    fill(g.out_, ties, true, false);
    fill(g.in_, ties, false, true);
    g.build_symmetric();
  } else {
    fill(g.out_, ties, true, true);
    g.ones_.assign(g.out_.targets.size(), 1);
  }
  return g;
}

void Graph::build_symmetric() {
  const std::size_t n = labels_.size();
  sym_.offsets.assign(n + 1, 0);
  sym_.targets.reserve(out_.targets.size() + in_.targets.size());
  sym_.weights.reserve(sym_.targets.capacity());
  multiplicity_.reserve(sym_.targets.capacity());
  for (std::size_t u = 0; u < n; ++u) {
    auto a = out_neighbors(static_cast<NodeId>(u));
    auto aw = out_weights(static_cast<NodeId>(u));
    auto b = in_neighbors(static_cast<NodeId>(u));
    auto bw = in_weights(static_cast<NodeId>(u));
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a[i] < b[j])) {
        sym_.targets.push_back(a[i]);
        sym_.weights.push_back(aw[i]);
        multiplicity_.push_back(1);
        ++i;
      } else if (i == a.size() || b[j] < a[i]) {
        sym_.targets.push_back(b[j]);
        sym_.weights.push_back(bw[j]);
        multiplicity_.push_back(1);
        ++j;
      } else {
        sym_.targets.push_back(a[i]);
        sym_.weights.push_back(aw[i] + bw[j]);
        multiplicity_.push_back(2);
        ++i;
        ++j;
      }
    }
    sym_.offsets[u + 1] = sym_.targets.size();
  }
}

std::span<const std::uint8_t> Graph::neighbor_multiplicity(NodeId u) const {
  const Csr& c = sym();
  const std::vector<std::uint8_t>& m = directed_ ? multiplicity_ : ones_;
  return {m.data() + c.offsets[u], m.data() + c.offsets[u + 1]};
}

bool Graph::has_edge(NodeId u, NodeId v) const {
  auto row = out_neighbors(u);
  return std::binary_search(row.begin(), row.end(), v);
}

}  // namespace kring::graph
