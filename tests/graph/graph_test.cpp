// The CSR graph: adjacency, degrees and the duplicate/self-loop policies.

#include "graph/graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "test_graphs.h"

namespace kring::graph {
namespace {

using testing::id_of;
using testing::make_graph;

std::vector<NodeId> ids(std::span<const NodeId> s) { return {s.begin(), s.end()}; }

//   a --> b        out(a) = {b, c}, in(a) = {c}
//   a <-> c        neighbors(a) = {b, c}, c counted in both directions
TEST(Graph, DirectedGraphKeepsOutInAndSymmetricAdjacency) {
  Graph g = make_graph("a>b a>c c>a", true);
  const NodeId a = id_of(g, "a"), b = id_of(g, "b"), c = id_of(g, "c");
  EXPECT_EQ(ids(g.out_neighbors(a)), (std::vector<NodeId>{b, c}));
  EXPECT_EQ(ids(g.in_neighbors(a)), (std::vector<NodeId>{c}));
  EXPECT_EQ(ids(g.neighbors(a)), (std::vector<NodeId>{b, c}));
  EXPECT_EQ(g.neighbor_multiplicity(a)[0], 1);
  EXPECT_EQ(g.neighbor_multiplicity(a)[1], 2);
  EXPECT_EQ(g.degree(a), 3u);
  EXPECT_EQ(g.edge_count(), 3u);
  EXPECT_TRUE(g.has_edge(c, a));
  EXPECT_FALSE(g.has_edge(b, a));
}

//   (a)-- b     a self-loop counts 2 in the undirected degree, as nx
TEST(Graph, SelfLoopCountsTwiceInUndirectedDegree) {
  Graph g = make_graph("a-a a-b");
  const NodeId a = id_of(g, "a");
  EXPECT_EQ(g.degree(a), 3u);
  EXPECT_EQ(g.neighbors(a).size(), 2u);
  EXPECT_EQ(g.self_loop_count(), 1u);
  EXPECT_EQ(g.edge_count(), 2u);
}

TEST(Graph, SelfLoopCountsOnceInEachDirectedDegree) {
  Graph g = make_graph("a>a a>b", true);
  const NodeId a = id_of(g, "a");
  EXPECT_EQ(g.out_degree(a), 2u);
  EXPECT_EQ(g.in_degree(a), 1u);
  EXPECT_EQ(g.degree(a), 3u);
}

TEST(Graph, DuplicateTieKeepsTheLastWeightByDefault) {
  Graph g = make_graph("a-b:1 a-b:5 b-a:2");
  EXPECT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.out_weights(id_of(g, "a"))[0], 2.0);
}

TEST(Graph, DuplicateTieSumsWeightsWhenAsked) {
  Graph g = make_graph("a-b:1 a-b:5 b-a:2", false, {.duplicates = DuplicatePolicy::kSum});
  EXPECT_EQ(g.out_weights(id_of(g, "a"))[0], 8.0);
}

TEST(Graph, DirectedDuplicatesArePerDirection) {
  Graph g = make_graph("a>b:1 a>b:5 b>a:2", true);
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_EQ(g.out_weights(id_of(g, "a"))[0], 5.0);
}

TEST(Graph, IsolatesAreNodesWithoutTies) {
  Graph g = make_graph("a-b c");
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.degree(id_of(g, "c")), 0u);
}

TEST(Graph, RejectsNegativeAndNonFiniteWeights) {
  for (double w : {-1.0, std::nan(""), static_cast<double>(INFINITY)}) {
    EdgeList list{false, {"a", "b"}, {{0, 1, w, 0}}};
    auto g = Graph::build(list);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().reason, "bad_weight");
  }
}

TEST(Graph, RejectsEdgesToUnknownNodes) {
  EdgeList list{false, {"a"}, {{0, 3, 1.0, 0}}};
  auto g = Graph::build(list);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().reason, "bad_edge");
}

TEST(Graph, EmptyGraphIsValid) {
  auto g = Graph::build(EdgeList{});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->node_count(), 0u);
}

TEST(EdgeList, SnapshotKeepsEdgesUpToTheMomentAndAllNodes) {
  EdgeList list{true, {"a", "b", "c"}, {{0, 1, 1, 100}, {1, 2, 1, 200}, {2, 0, 1, 0}}};
  EdgeList at = snapshot_until(list, 150);
  EXPECT_EQ(at.labels.size(), 3u);
  ASSERT_EQ(at.edges.size(), 2u);
  EXPECT_EQ(at.edges[0].timestamp, 100);
  EXPECT_EQ(at.edges[1].timestamp, 0);
}

}  // namespace
}  // namespace kring::graph
