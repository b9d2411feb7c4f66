#pragma once
// EdgeList: the interchange form of a network before it becomes a Graph.
// File readers produce it; the database snapshot (src/cli/instance_network.cpp,
// social/) fills it from ties and interactions; Graph::build() turns it into
// the compact CSR that every metric reads.
//
// Thread-safety: a plain value type; const access from many threads is safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kring::graph {

using NodeId = std::uint32_t;

struct Edge {
  NodeId source = 0;
  NodeId target = 0;
  double weight = 1.0;
  // Seconds since the Unix epoch when the tie or interaction happened; 0 when
  // unknown (files). Only used to cut snapshots (snapshot_until).
  std::int64_t timestamp = 0;
};

struct EdgeList {
  // Whether edges are directed (follow, reply-to) or mutual (connection).
  bool directed = false;
  // labels[i] names node i (a member handle, a file label). Nodes without
  // edges are allowed: they are the isolates of the network.
  std::vector<std::string> labels;
  // Endpoints index into labels. Duplicates and self-loops are allowed here;
  // Graph::build() applies the duplicate policy.
  std::vector<Edge> edges;
};

// Interns labels into dense node ids while an EdgeList is being filled.
// Not thread-safe: one builder per thread.
class EdgeListBuilder {
 public:
  explicit EdgeListBuilder(bool directed = false) { list_.directed = directed; }

  // Returns the id of `label`, adding the node when it is new.
  NodeId node(std::string_view label);
  // True when `label` was already added.
  bool contains(std::string_view label) const;
  // Adds an edge between the nodes named by the labels (added when new).
  void add_edge(std::string_view source, std::string_view target, double weight = 1.0,
                std::int64_t timestamp = 0);
  void add_edge(NodeId source, NodeId target, double weight = 1.0, std::int64_t timestamp = 0);
  void set_directed(bool directed) { list_.directed = directed; }
  std::size_t node_count() const { return list_.labels.size(); }

  // Hands over the list; the builder is empty afterwards.
  EdgeList finish();

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  EdgeList list_;
  std::unordered_map<std::string, NodeId, Hash, std::equal_to<>> index_;
};

// The edges with timestamp <= until (edges with timestamp 0 always stay):
// the network as it was at a moment, for before/after comparisons. All nodes
// are kept so that node ids stay comparable between snapshots.
EdgeList snapshot_until(const EdgeList& list, std::int64_t until);

}  // namespace kring::graph
