// Betweenness, closeness, harmonic, eigenvector and PageRank on drawn
// graphs. Values derived by hand in the comments, or (marked nx) printed by
// networkx 2.8 with default arguments.

#include <gtest/gtest.h>

#include <cmath>

#include "graph/betweenness.h"
#include "graph/closeness.h"
#include "graph/eigenvector.h"
#include "graph/harmonic.h"
#include "graph/pagerank.h"
#include "test_graphs.h"

namespace kring::graph {
namespace {

using testing::id_of;
using testing::make_graph;
using testing::Variant;

constexpr double kExact = 1e-12;

std::vector<double> betweenness(const Graph& g, unsigned threads = 2) {
  Betweenness b(g, {.threads = threads});
  b.run();
  return b.scores();
}

//   a - b - c - d - e
// b lies on 3 of the 6 pairs not involving it: (a,c) (a,d) (a,e);
// nx normalises by (n-1)(n-2) = 12 after summing both directions: 6/12.
TEST(Betweenness, PathMiddleNodesAsNetworkx) {
  Graph g = make_graph("a-b b-c c-d d-e");
  auto b = betweenness(g);
  EXPECT_NEAR(b[id_of(g, "a")], 0.0, kExact);
  EXPECT_NEAR(b[id_of(g, "b")], 0.5, kExact);
  EXPECT_NEAR(b[id_of(g, "c")], 8.0 / 12, kExact);
  EXPECT_NEAR(b[id_of(g, "d")], 0.5, kExact);
}

//   a -> b -> c      b is on the only path a->c: 1 / ((n-1)(n-2)) = 1/2
TEST(Betweenness, DirectedChain) {
  Graph g = make_graph("a>b b>c", true);
  EXPECT_NEAR(betweenness(g)[id_of(g, "b")], 0.5, kExact);
}

//   a - b - d        two shortest paths a..d: b and c each carry half
//    \- c -/
TEST(Betweenness, SplitsBetweenEqualShortestPaths) {
  Graph g = make_graph("a-b a-c b-d c-d");
  auto b = betweenness(g);
  // b: pair (a,d) half -> 0.5 each direction -> 1 / (3*2)
  EXPECT_NEAR(b[id_of(g, "b")], 1.0 / 6, kExact);
  EXPECT_NEAR(b[id_of(g, "c")], 1.0 / 6, kExact);
}

class BetweennessVariants : public ::testing::TestWithParam<Variant> {};

//        b
//        |
//   c -- a -- d      center of a star with 4 leaves: on all 6 leaf pairs;
//        |           reciprocal arcs when directed, weight 5 when weighted
//        e           (nx betweenness ignores weights by default): 1.0
TEST_P(BetweennessVariants, StarCenterCarriesEveryPath) {
  const Variant v = GetParam();
  const std::string w = v.weighted ? ":5" : "";
  std::string spec;
  for (const char* leaf : {"b", "c", "d", "e"}) {
    spec += std::string("a-") + leaf + w + " ";
    if (v.directed) spec += std::string(leaf) + "-a" + w + " ";
  }
  Graph g = make_graph(spec, v.directed);
  auto b = betweenness(g);
  EXPECT_NEAR(b[id_of(g, "a")], 1.0, kExact);
  EXPECT_NEAR(b[id_of(g, "b")], 0.0, kExact);
}

INSTANTIATE_TEST_SUITE_P(All, BetweennessVariants, ::testing::ValuesIn(testing::kAllVariants),
                         testing::variant_name);

TEST(Betweenness, SingleThreadEqualsTwoThreads) {
  Graph g = make_graph("a-b b-c c-d d-e e-a a-c f-c f-g g-h");
  auto one = betweenness(g, 1), two = betweenness(g, 2);
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_NEAR(one[i], two[i], kExact);
}

TEST(Betweenness, SampledWithAllPivotsIsExactAndReportsBound) {
  Graph g = make_graph("a-b b-c c-d d-e e-a a-c f-c f-g g-h");
  Betweenness s(g, {.threads = 2, .pivots = 4, .seed = 3});
  s.run();
  EXPECT_TRUE(s.sampled());
  EXPECT_EQ(s.sources(), 4u);
  // n/(n-1) * sqrt(ln(2n/0.05) / 8) with n = 8
  EXPECT_NEAR(s.error_bound(), 8.0 / 7 * std::sqrt(std::log(16 / 0.05) / 8), 1e-12);
  auto exact = betweenness(g);
  for (std::size_t i = 0; i < exact.size(); ++i) {
    EXPECT_LE(std::abs(s.scores()[i] - exact[i]), s.error_bound());
  }
}

//   a - b - c - d - e
// closeness(a) = 4 / (1+2+3+4) = 0.4; closeness(c) = 4 / 6
// harmonic(a) = 1 + 1/2 + 1/3 + 1/4; harmonic(c) = 1/2 + 1 + 1 + 1/2 = 3
TEST(Closeness, PathAsNetworkx) {
  Graph g = make_graph("a-b b-c c-d d-e");
  Closeness c(g);
  c.run();
  Harmonic h(g);
  h.run();
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 0.4, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 4.0 / 6, kExact);
  EXPECT_NEAR(h.scores()[id_of(g, "a")], 1 + 0.5 + 1.0 / 3 + 0.25, kExact);
  EXPECT_NEAR(h.scores()[id_of(g, "c")], 3.0, kExact);
}

//   a - b    c       Wasserman-Faust: (1/1) * (1/(n-1)) = 0.5 for a and b;
//                    0 for the isolate c
TEST(Closeness, DisconnectedUsesWassermanFaustScaling) {
  Graph g = make_graph("a-b c");
  Closeness c(g);
  c.run();
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 0.5, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 0.0, kExact);
}

//   a -> b -> c      incoming distances, as nx: c is reached by b (1) and
//                    a (2): (2/3)*(2/2); b by a: (1/1)*(1/2); a by nobody
TEST(Closeness, DirectedUsesIncomingDistances) {
  Graph g = make_graph("a>b b>c", true);
  Closeness c(g);
  c.run();
  Harmonic h(g);
  h.run();
  EXPECT_NEAR(c.scores()[id_of(g, "c")], 2.0 / 3, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "b")], 0.5, kExact);
  EXPECT_NEAR(c.scores()[id_of(g, "a")], 0.0, kExact);
  EXPECT_NEAR(h.scores()[id_of(g, "c")], 1.5, kExact);
}

TEST(Closeness, ManyBatchesOfSourcesAgreeWithSmallGraphFormula) {
  // A path of 600 nodes spans three bit-parallel batches of 256 sources.
  std::string spec;
  for (int i = 0; i + 1 < 600; ++i) spec += std::to_string(i) + "-" + std::to_string(i + 1) + " ";
  Graph g = make_graph(spec);
  Closeness c(g, {.threads = 2});
  c.run();
  // End node: distances 1..599, sum 599*600/2.
  EXPECT_NEAR(c.scores()[id_of(g, "0")], 599.0 / (599.0 * 600 / 2), kExact);
}

//   a - b
//    \ /       eigenvector (nx): a = b = 0.52272..., c = 0.61162..., d = 0.28184...
//     c - d
TEST(Eigenvector, TriangleWithTailAsNetworkx) {
  Graph g = make_graph("a-b b-c c-a c-d");
  EigenvectorCentrality e(g);
  e.run();
  ASSERT_TRUE(e.converged());
  EXPECT_NEAR(e.scores()[id_of(g, "a")], 0.5227204550943347, 1e-6);
  EXPECT_NEAR(e.scores()[id_of(g, "c")], 0.6116286437343044, 1e-6);
  EXPECT_NEAR(e.scores()[id_of(g, "d")], 0.28184579793865727, 1e-6);
}

TEST(Eigenvector, NotConvergedGivesNaN) {
  Graph g = make_graph("a-b b-c c-a c-d");
  EigenvectorCentrality e(g, {.max_iter = 2});
  e.run();
  EXPECT_FALSE(e.converged());
  EXPECT_TRUE(std::isnan(e.scores()[0]));
}

struct PageRankCase {
  Variant variant;
  double a, b, c, d;  // nx.pagerank values
};

class PageRankVariants : public ::testing::TestWithParam<PageRankCase> {};

//   a <-> b   (a->b weight 2, b->a weight 1)
//   a --> c --> d (weights 1 and 3; d dangling when directed)
// Expected values printed by networkx.pagerank (weight="weight" or None,
// on the DiGraph or its to_undirected()).
TEST_P(PageRankVariants, MatchesNetworkx) {
  const PageRankCase& pc = GetParam();
  const bool directed = pc.variant.directed;
  Graph g = directed ? make_graph("a>b:2 b>a:1 a>c:1 c>d:3", true)
                     : make_graph("a-b:1 a-c:1 c-d:3", false);
  PageRank pr(g, {.weighted = pc.variant.weighted});
  pr.run();
  ASSERT_TRUE(pr.converged());
  EXPECT_NEAR(pr.scores()[id_of(g, "a")], pc.a, 1e-6);
  EXPECT_NEAR(pr.scores()[id_of(g, "b")], pc.b, 1e-6);
  EXPECT_NEAR(pr.scores()[id_of(g, "c")], pc.c, 1e-6);
  EXPECT_NEAR(pr.scores()[id_of(g, "d")], pc.d, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(All, PageRankVariants,
                         ::testing::Values(PageRankCase{{true, true},
                                                        0.3155049332436094,
                                                        0.26718355286125317,
                                                        0.17779079384707377,
                                                        0.23952072004806346},
                                           PageRankCase{{true, false},
                                                        0.2824424804198452,
                                                        0.21755751958015487,
                                                        0.21755751958015487,
                                                        0.2824424804198452},
                                           PageRankCase{{false, true},
                                                        0.2299619986554233,
                                                        0.1352336718011604,
                                                        0.3647663281988396,
                                                        0.2700380013445767},
                                           PageRankCase{{false, false},
                                                        0.32456160227748454,
                                                        0.17543839772251532,
                                                        0.32456160227748454,
                                                        0.17543839772251532}),
                         [](const ::testing::TestParamInfo<PageRankCase>& info) {
                           return std::string(info.param.variant.directed ? "Directed"
                                                                          : "Undirected") +
                                  (info.param.variant.weighted ? "Weighted" : "Unweighted");
                         });

}  // namespace
}  // namespace kring::graph
