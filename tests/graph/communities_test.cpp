// Louvain and modularity.

#include <gtest/gtest.h>

#include <cmath>

#include "graph/louvain.h"
#include "graph/modularity.h"
#include "test_graphs.h"

namespace kring::graph {
namespace {

using testing::id_of;
using testing::make_graph;

//   a - b       d - e
//    \ /   c-d   \ /      two triangles joined by one tie c-d (m = 7):
//     c           f       Q = 2 * (3/7 - (7/14)^2) = 0.357142...
TEST(Modularity, TwoTrianglesByHand) {
  Graph g = make_graph("a-b b-c c-a d-e e-f f-d c-d");
  std::vector<std::uint32_t> parts{0, 0, 0, 1, 1, 1};
  EXPECT_NEAR(modularity(g, parts), 2 * (3.0 / 7 - 0.25), 1e-12);
}

TEST(Modularity, UndefinedWithoutTies) {
  Graph g = make_graph("a b");
  EXPECT_TRUE(std::isnan(modularity(g, {0, 1})));
}

TEST(Louvain, FindsTheTwoTriangles) {
  Graph g = make_graph("a-b b-c c-a d-e e-f f-d c-d");
  Louvain lv(g);
  lv.run();
  EXPECT_EQ(lv.count(), 2u);
  const auto& c = lv.community();
  EXPECT_EQ(c[id_of(g, "a")], c[id_of(g, "c")]);
  EXPECT_EQ(c[id_of(g, "d")], c[id_of(g, "f")]);
  EXPECT_NE(c[id_of(g, "a")], c[id_of(g, "d")]);
  EXPECT_NEAR(lv.modularity(), 2 * (3.0 / 7 - 0.25), 1e-12);
}

TEST(Louvain, DirectedTrianglesToo) {
  Graph g = make_graph("a>b b>c c>a d>e e>f f>d c>d", true);
  Louvain lv(g);
  lv.run();
  EXPECT_EQ(lv.count(), 2u);
  EXPECT_NEAR(lv.modularity(), modularity(g, lv.community()), 1e-12);
}

TEST(Louvain, IsolatesGetTheirOwnCommunityNumberedAfterLargerOnes) {
  Graph g = make_graph("a-b b-c c-a z");
  Louvain lv(g);
  lv.run();
  EXPECT_EQ(lv.count(), 2u);
  EXPECT_EQ(lv.community()[id_of(g, "a")], 0u);
  EXPECT_EQ(lv.community()[id_of(g, "z")], 1u);
}

TEST(Louvain, HeavyTieOutweighsStructure) {
  // The c-d tie weighs so much that c and d belong together.
  Graph g = make_graph("a-b b-c c-a d-e e-f f-d c-d:50");
  Louvain lv(g);
  lv.run();
  EXPECT_EQ(lv.community()[id_of(g, "c")], lv.community()[id_of(g, "d")]);
}

}  // namespace
}  // namespace kring::graph
