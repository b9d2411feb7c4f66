// Clustering, k-cores, structural holes, assortativity, components,
// density and reciprocity on drawn graphs. Values derived by hand in the
// comments, or (marked nx) printed by networkx 2.8 with default arguments.

#include <gtest/gtest.h>

#include <cmath>

#include "graph/assortativity.h"
#include "graph/clustering.h"
#include "graph/components.h"
#include "graph/core_number.h"
#include "graph/structural_holes.h"
#include "graph/summary.h"
#include "test_graphs.h"

namespace kring::graph {
namespace {

using testing::id_of;
using testing::make_graph;

constexpr double kExact = 1e-12;

//   a - b
//    \ /      c has 3 neighbours and 1 of their 3 pairs linked: 1/3;
//     c - d   a, b: 1; d: 0. Transitivity 3*1 / (1+1+3+0 triples) = 0.6
TEST(Clustering, TriangleWithTail) {
  Graph g = make_graph("a-b b-c c-a c-d");
  Clustering c(g);
  c.run();
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 1.0 / 3, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 1.0, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "d")], 0.0, kExact);
  EXPECT_NEAR(c.transitivity(), 0.6, kExact);
  EXPECT_NEAR(c.average(), (1 + 1 + 1.0 / 3) / 4, kExact);
}

TEST(Clustering, SelfLoopsAreIgnored) {
  Graph g = make_graph("a-b b-c c-a c-d a-a c-c");
  Clustering c(g);
  c.run();
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 1.0 / 3, kExact);
  EXPECT_NEAR(c.transitivity(), 0.6, kExact);
}

//   a -> b -> c -> a, a <-> c, c -> d     Fagiolo's directed clustering (nx):
//   a 0.5, b 1.0, c 0.2, d 0; transitivity on successor sets (nx) 0.25
TEST(Clustering, DirectedAsNetworkx) {
  Graph g = make_graph("a>b b>c c>a a>c c>d", true);
  Clustering c(g);
  c.run();
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 0.5, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "b")], 1.0, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 0.2, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "d")], 0.0, kExact);
  EXPECT_NEAR(c.transitivity(), 0.25, kExact);
}

//   a---b
//   |\ /|      K4 on a..d: core 3; the tail d - e - f: core 1
//   | X |
//   |/ \|
//   c---d - e - f
TEST(CoreNumber, CliqueWithTail) {
  Graph g = make_graph("a-b a-c a-d b-c b-d c-d d-e e-f e-e");
  CoreNumber k(g);
  k.run();
  for (const char* v : {"a", "b", "c", "d"}) EXPECT_EQ(k.scores()[id_of(g, v)], 3u) << v;
  EXPECT_EQ(k.scores()[id_of(g, "e")], 1u);
  EXPECT_EQ(k.scores()[id_of(g, "f")], 1u);
}

TEST(CoreNumber, DirectedCountsReciprocalTiesTwice) {
  // a <-> b: total degree 2 each, and removing one leaves the other at 0.
  Graph g = make_graph("a>b b>a", true);
  CoreNumber k(g);
  k.run();
  EXPECT_EQ(k.scores()[0], 2u);
  EXPECT_EQ(k.scores()[1], 2u);
}

//   a - b
//    \ /      Burt's constraint, p_ij = 1/deg(i):
//     c - d   c: (1/3 + 1/3*1/2)^2 * 2 + (1/3)^2 = 0.5 + 1/9 = 0.6111
//             a: (1/2 + 1/2*1/3)^2 + (1/2 + 1/2*1/2)^2 = 4/9 + 9/16
//   effective size (Borgatti): c: 3 - 2*1/3; a: 2 - 2*1/2 = 1
TEST(StructuralHoles, TriangleWithTailByHand) {
  Graph g = make_graph("a-b b-c c-a c-d");
  Constraint c(g);
  c.run();
  EffectiveSize e(g);
  e.run();
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 0.5 + 1.0 / 9, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 4.0 / 9 + 9.0 / 16, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "d")], 1.0, kExact);
  EXPECT_NEAR(e.scores()[id_of(g, "c")], 3 - 2.0 / 3, kExact);
  EXPECT_NEAR(e.scores()[id_of(g, "a")], 1.0, kExact);
}

TEST(StructuralHoles, IsolatesAndSelfLoopOnlyNodesAreUndefined) {
  Graph g = make_graph("a-b c d-d");
  Constraint c(g);
  c.run();
  EffectiveSize e(g);
  e.run();
  EXPECT_TRUE(std::isnan(c.scores()[id_of(g, "c")]));
  EXPECT_TRUE(std::isnan(e.scores()[id_of(g, "c")]));
  EXPECT_TRUE(std::isnan(e.scores()[id_of(g, "d")]));
}

// Directed (nx): a 0.9444..., b 1.2569..., c 0.6267...; d has no
// successors, so nx returns NaN.
TEST(StructuralHoles, DirectedAsNetworkx) {
  Graph g = make_graph("a>b b>c c>a a>c c>d", true);
  Constraint c(g);
  c.run();
  EffectiveSize e(g);
  e.run();
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 0.9444444444444443, 1e-12);
  EXPECT_NEAR(c.scores()[id_of(g, "b")], 1.2569444444444442, 1e-12);
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 0.626736111111111, 1e-12);
  EXPECT_TRUE(std::isnan(c.scores()[id_of(g, "d")]));
  EXPECT_NEAR(e.scores()[id_of(g, "a")], 1.1666666666666667, 1e-12);
  EXPECT_NEAR(e.scores()[id_of(g, "c")], 2.375, 1e-12);
  EXPECT_TRUE(std::isnan(e.scores()[id_of(g, "d")]));
}

// nx.degree_assortativity_coefficient: -0.714285... undirected,
// -0.612372... directed (out-degree of source vs in-degree of target).
TEST(Assortativity, AsNetworkx) {
  EXPECT_NEAR(degree_assortativity(make_graph("a-b b-c c-a c-d")), -0.7142857142857143, 1e-12);
  EXPECT_NEAR(degree_assortativity(make_graph("a>b b>c c>a a>c c>d", true)), -0.6123724356957942,
              1e-12);
}

TEST(Assortativity, RegularGraphIsUndefined) {
  EXPECT_TRUE(std::isnan(degree_assortativity(make_graph("a-b b-c c-a"))));
  EXPECT_TRUE(std::isnan(degree_assortativity(make_graph("a b"))));
}

//   a -> b <-> c    d -> e    f      weak: {a,b,c} {d,e} {f}
//                                    strong: {a} {b,c} {d} {e} {f}
TEST(Components, WeakAndStrong) {
  Graph g = make_graph("a>b b>c c>b d>e f", true);
  Components w = weak_components(g), s = strong_components(g);
  EXPECT_EQ(w.count(), 3u);
  EXPECT_EQ(s.count(), 5u);
  EXPECT_EQ(w.sizes[w.largest()], 3u);
  EXPECT_EQ(s.component[id_of(g, "b")], s.component[id_of(g, "c")]);
  EXPECT_NE(s.component[id_of(g, "a")], s.component[id_of(g, "b")]);
}

TEST(Components, UndirectedStrongEqualsWeak) {
  Graph g = make_graph("a-b c-d e");
  EXPECT_EQ(strong_components(g).count(), 3u);
}

TEST(Components, DeepChainDoesNotOverflowTheStack) {
  std::string spec;
  for (int i = 0; i < 200000; ++i) spec += std::to_string(i) + ">" + std::to_string(i + 1) + " ";
  Graph g = make_graph(spec, true);
  EXPECT_EQ(strong_components(g).count(), 200001u);
}

//   a -> b -> c -> a, a -> c, c -> d: m = 5, n = 4.
//   density 5/12; to_undirected has 4 ties, so reciprocity 2*(5-4)/5 = 0.4
TEST(Summary, DensityReciprocityAndMetcalfe) {
  Summary s = summarize(make_graph("a>b b>c c>a a>c c>d", true));
  EXPECT_NEAR(s.density, 5.0 / 12, kExact);
  EXPECT_NEAR(s.reciprocity, 0.4, kExact);
  EXPECT_EQ(s.metcalfe_potential, 6.0);
  EXPECT_NEAR(s.metcalfe_ratio, 4.0 / 6, kExact);
  Summary u = summarize(make_graph("a-b b-c"));
  EXPECT_TRUE(std::isnan(u.reciprocity));
  EXPECT_NEAR(u.density, 2.0 / 3, kExact);
}

}  // namespace
}  // namespace kring::graph
