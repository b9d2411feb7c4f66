#pragma once
// Graph: the compact immutable network every metric reads. Compressed sparse
// rows (offsets + targets + weights) with 32-bit node ids, sorted neighbour
// lists, and for directed graphs both the out- and the in-adjacency plus a
// symmetric view (the union of both, as networkx's all_neighbors).
//
// Conventions follow networkx 2.8 (nx.Graph / nx.DiGraph built from the same
// edges): a self-loop appears once in a node's neighbour list, counts 2 in
// the undirected degree and 1 in each of in- and out-degree.
//
// Thread-safety: immutable after build(); any number of threads may read it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "graph/edge_list.h"

namespace kring::graph {

// What happens when the same tie is listed twice (for undirected graphs,
// a-b and b-a are the same tie).
enum class DuplicatePolicy {
  kLastWins,  // the last weight read is kept, as nx.Graph.add_edge does
  kSum,       // weights are added: repeated interactions strengthen a tie
};

struct BuildOptions {
  DuplicatePolicy duplicates = DuplicatePolicy::kLastWins;
};

class Graph {
 public:
  Graph() = default;

  // Builds the CSR from an edge list. Fails with Error::invalid when an edge
  // refers to a node id outside list.labels, when a weight is NaN, infinite
  // or negative, or when there are more than 2^32-2 nodes.
  // Takes O(n + m) time and memory.
  static Result<Graph> build(EdgeList list, BuildOptions options = {});

  NodeId node_count() const { return static_cast<NodeId>(labels_.size()); }
  // Distinct ties after the duplicate policy, self-loops included (nx
  // number_of_edges).
  std::uint64_t edge_count() const { return edge_count_; }
  std::uint64_t self_loop_count() const { return self_loops_; }
  bool directed() const { return directed_; }
  // True when some weight differs from 1.
  bool weighted() const { return weighted_; }

  // Successors (directed) or neighbours (undirected), sorted ascending.
  std::span<const NodeId> out_neighbors(NodeId u) const { return slice(out_, u); }
  std::span<const double> out_weights(NodeId u) const { return wslice(out_, u); }
  // Predecessors (directed); the neighbours again for undirected graphs.
  std::span<const NodeId> in_neighbors(NodeId u) const { return slice(in(), u); }
  std::span<const double> in_weights(NodeId u) const { return wslice(in(), u); }
  // Union of predecessors and successors, each once (nx.all_neighbors as a
  // set), u itself included when it has a self-loop.
  std::span<const NodeId> neighbors(NodeId u) const { return slice(sym(), u); }
  // For each entry of neighbors(u): the number of directions (1 or 2) that
  // link u and it; always 1 for undirected graphs.
  std::span<const std::uint8_t> neighbor_multiplicity(NodeId u) const;
  // For each entry of neighbors(u): w(u,v) + w(v,u) for directed graphs,
  // w(u,v) for undirected ones.
  std::span<const double> neighbor_weights(NodeId u) const { return wslice(sym(), u); }

  std::uint32_t out_degree(NodeId u) const { return size_of(out_, u); }
  std::uint32_t in_degree(NodeId u) const { return size_of(in(), u); }
  // nx G.degree(u): in + out for directed; neighbours + 1 for a self-loop
  // when undirected.
  std::uint32_t degree(NodeId u) const {
    return directed_ ? out_degree(u) + in_degree(u) : out_degree(u) + (has_self_loop(u) ? 1 : 0);
  }
  bool has_self_loop(NodeId u) const { return self_loop_[u] != 0; }
  // True when the tie u->v exists (u-v for undirected). O(log degree).
  bool has_edge(NodeId u, NodeId v) const;

  const std::string& label(NodeId u) const { return labels_[u]; }
  const std::vector<std::string>& labels() const { return labels_; }

  // Offsets of the out-adjacency (size n+1), for splitting work by degree.
  std::span<const std::uint64_t> out_offsets() const { return out_.offsets; }
  std::span<const std::uint64_t> in_offsets() const { return in().offsets; }

 private:
  struct Csr {
    std::vector<std::uint64_t> offsets;
    std::vector<NodeId> targets;
    std::vector<double> weights;
  };
  const Csr& in() const { return directed_ ? in_ : out_; }
  const Csr& sym() const { return directed_ ? sym_ : out_; }
  static std::span<const NodeId> slice(const Csr& c, NodeId u) {
    return {c.targets.data() + c.offsets[u], c.targets.data() + c.offsets[u + 1]};
  }
  static std::span<const double> wslice(const Csr& c, NodeId u) {
    return {c.weights.data() + c.offsets[u], c.weights.data() + c.offsets[u + 1]};
  }
  static std::uint32_t size_of(const Csr& c, NodeId u) {
    return static_cast<std::uint32_t>(c.offsets[u + 1] - c.offsets[u]);
  }
  void build_symmetric();

  bool directed_ = false;
  bool weighted_ = false;
  std::uint64_t edge_count_ = 0;
  std::uint64_t self_loops_ = 0;
  std::vector<std::string> labels_;
  std::vector<std::uint8_t> self_loop_;
  Csr out_;
  Csr in_;                                  // directed only
  Csr sym_;                                 // directed only
  std::vector<std::uint8_t> multiplicity_;  // directed only, parallel to sym_
  std::vector<std::uint8_t> ones_;          // undirected: all 1, parallel to out_
};

}  // namespace kring::graph
