#pragma once
// Community detection by the Louvain method (Blondel, Guillaume, Lambiotte
// & Lefebvre 2008, "Fast unfolding of communities in large networks"), with
// the directed modularity gain of Dugue & Perez 2015 for directed graphs,
// as networkx.community.louvain_communities(G, weight="weight",
// resolution=1, threshold=1e-7): local moves in random order until no node
// can improve (revisiting only neighbours of moved nodes), then aggregation, repeated while modularity grows by more than
// `threshold`. The partition is not bitwise nx's (random orders differ);
// its modularity is tested to be within 1% of networkx's.
// Communities are numbered by decreasing size, ties by lowest node id.
// About O(m) per pass; sequential.
//
// Thread-safety: construct and run on one thread.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace kring::graph {

struct LouvainOptions {
  double resolution = 1.0;
  double threshold = 1e-7;
  std::uint64_t seed = 42;
};

class Louvain {
 public:
  explicit Louvain(const Graph& g, LouvainOptions options = {}) : g_(g), options_(options) {}
  void run();
  // community()[u] in [0, count()).
  const std::vector<std::uint32_t>& community() const { return community_; }
  std::uint32_t count() const { return count_; }
  // networkx.community.modularity of the result; NaN without tie weight.
  double modularity() const { return modularity_; }

 private:
  const Graph& g_;
  LouvainOptions options_;
  std::vector<std::uint32_t> community_;
  std::uint32_t count_ = 0;
  double modularity_ = 0;
};

}  // namespace kring::graph
