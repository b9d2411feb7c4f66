// analyze(), roles, sub-networks, path lengths and the writers.

#include "graph/analysis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "graph/graph_writers.h"
#include "graph/readers.h"
#include "graph/report_writer.h"
#include "graph/roles.h"
#include "graph/subgraph.h"
#include "test_graphs.h"

namespace kring::graph {
namespace {

using testing::id_of;
using testing::make_graph;

//   a - b - c - d     e - f - g - h - i      z
// Two components; paths are measured on the larger one (e..i, a path of 5):
// average length = sum over ordered pairs / 20 = 2 * (4*1+3*2+2*3+1*4) / 20 = 2
// and diameter 4.
TEST(Analysis, PathLengthsUseTheLargestComponent) {
  Graph g = make_graph("a-b b-c c-d e-f f-g g-h h-i z");
  AnalysisOptions o;
  o.metrics = *parse_metrics("paths");
  NetworkReport r = analyze(g, o);
  EXPECT_NEAR(r.graph.average_path_length, 2.0, 1e-12);
  EXPECT_EQ(r.graph.diameter, 4u);
  EXPECT_EQ(r.graph.path_component_size, 5u);
  EXPECT_TRUE(r.nodes.betweenness.empty());
}

TEST(Analysis, DirectedPathLengthsUseTheLargestStrongComponent) {
  //   a -> b -> c -> a  (strong, 3 nodes)  c -> d -> e (tail)
  Graph g = make_graph("a>b b>c c>a c>d d>e", true);
  AnalysisOptions o;
  o.metrics = *parse_metrics("paths");
  NetworkReport r = analyze(g, o);
  // Inside the cycle every ordered pair is 1 or 2 apart: (3*1 + 3*2) / 6
  EXPECT_NEAR(r.graph.average_path_length, 1.5, 1e-12);
  EXPECT_EQ(r.graph.diameter, 2u);
}

TEST(Analysis, ForcedSamplingReportsItself) {
  Graph g = make_graph("a-b a-c a-d a-e b-c b-d b-e c-d c-e d-e");
  AnalysisOptions o;
  o.betweenness = Mode::kSampled;
  o.betweenness_pivots = 2;
  o.distances = Mode::kSampled;
  o.distance_sources = 3;
  NetworkReport r = analyze(g, o);
  EXPECT_TRUE(r.graph.betweenness_sampled);
  EXPECT_EQ(r.graph.betweenness_pivots, 2u);
  EXPECT_GT(r.graph.betweenness_error_bound, 0);
  EXPECT_TRUE(r.graph.distances_sampled);
  EXPECT_EQ(r.graph.distance_sources, 3u);
  // In a complete graph every sampled distance is 1: the estimate is exact.
  for (double c : r.nodes.closeness) EXPECT_NEAR(c, 1.0, 1e-12);
}

TEST(Analysis, UnknownMetricNameIsRefusedWithTheList) {
  auto m = parse_metrics("degree,pagerankk");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message.find("pagerankk"), std::string::npos);
  EXPECT_NE(m.error().message.find("betweenness"), std::string::npos);
}

TEST(Analysis, EmptyGraphHasNoNumbersToShow) {
  auto g = Graph::build(EdgeList{});
  NetworkReport r = analyze(*g);
  EXPECT_EQ(r.graph.nodes, 0u);
  EXPECT_TRUE(std::isnan(r.graph.modularity));
  EXPECT_TRUE(std::isnan(r.graph.average_clustering));
}

// Roles on a drawn network:
//   l1..l8 - h - x - k1 + k1..k4 a 4-clique, z alone.
//   h: pagerank top 5% (1 of 14) and degree 9 >= 2 x mean (2 x 32/14): hub.
//   x: second in betweenness (4 clique nodes x 9 star nodes), top 10% (2 of
//      14), constraint 0.5 <= median 1: broker.
//   l5: core 1: peripheral. k3: core 3, no brokerage: member.
TEST(Roles, FollowTheDocumentedRule) {
  std::string spec = "x-h x-k1 k1-k2 k1-k3 k1-k4 k2-k3 k2-k4 k3-k4 z ";
  for (int i = 1; i <= 8; ++i) spec += "h-l" + std::to_string(i) + " ";
  Graph g = make_graph(spec);
  NetworkReport r = analyze(g);
  auto role = [&](const char* v) { return r.nodes.role[id_of(g, v)]; };
  EXPECT_EQ(role("z"), Role::kIsolate);
  EXPECT_EQ(role("h"), Role::kHub);
  EXPECT_EQ(role("x"), Role::kBroker);
  EXPECT_EQ(role("l5"), Role::kPeripheral);
  EXPECT_EQ(role("k3"), Role::kMember);
}

TEST(Roles, NoTiesMeansEveryoneIsIsolate) {
  RoleInputs in{{0, 0}, {0.5, 0.5}, {0, 0}, {NAN, NAN}, {0, 0}, {1, 0}};
  auto roles = assign_roles(in);
  EXPECT_EQ(roles[0], Role::kIsolate);
  EXPECT_EQ(role_name(roles[1]), "isolate");
}

//   a - b - c - d     ego(b) = {b, a, c} with ties a-b, b-c
TEST(Subgraph, EgoNetworkOfRadiusOne) {
  Graph g = make_graph("a-b b-c c-d a-c");
  Graph ego = ego_network(g, id_of(g, "b"));
  EXPECT_EQ(ego.node_count(), 3u);
  EXPECT_EQ(ego.label(0), "b");
  EXPECT_EQ(ego.edge_count(), 3u);  // a-b, b-c and a-c
}

TEST(Subgraph, DirectedEgoFollowsSuccessorsLikeNetworkx) {
  Graph g = make_graph("a>b c>a", true);
  EXPECT_EQ(ego_network(g, id_of(g, "a")).node_count(), 2u);
  EXPECT_EQ(ego_network(g, id_of(g, "a"), 1, true).node_count(), 3u);
}

TEST(Subgraph, InducedByLabelsKeepsWeightsAndDirection) {
  Graph g = make_graph("a>b:3 b>c:2 c>a:1", true);
  std::vector<std::string> labels{"a", "b"};
  auto sub = induced_subgraph(g, labels);
  ASSERT_TRUE(sub.ok());
  EXPECT_TRUE(sub->directed());
  EXPECT_EQ(sub->edge_count(), 1u);
  EXPECT_EQ(sub->out_weights(0)[0], 3.0);
  std::vector<std::string> unknown{"a", "q"};
  EXPECT_FALSE(induced_subgraph(g, unknown).ok());
}

TEST(Writers, GraphMlRoundTripsThroughTheReader) {
  Graph g = make_graph("a-b:2 b-c \"q\"&<x>-a");
  NetworkReport r = analyze(g);
  std::ostringstream out;
  ASSERT_TRUE(write_graphml(out, g, attributes_from_report(r)).ok());
  auto back = read_graphml(out.str(), false);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->labels, g.labels());
  EXPECT_EQ(back->edges.size(), 3u);
  EXPECT_NE(out.str().find("attr.name=\"betweenness\""), std::string::npos);
  EXPECT_NE(out.str().find("attr.name=\"role\""), std::string::npos);
}

TEST(Writers, GexfHasNodesAttributesAndWeightedEdges) {
  Graph g = make_graph("a>b:2 b>c", true);
  NodeAttribute score{"score", NodeAttribute::Type::kDouble, {0.5, NAN, 1}, {}, {}};
  std::ostringstream out;
  ASSERT_TRUE(write_gexf(out, g, {score}).ok());
  const std::string x = out.str();
  EXPECT_NE(x.find("defaultedgetype=\"directed\""), std::string::npos);
  EXPECT_NE(x.find("<attvalue for=\"0\" value=\"0.5\"/>"), std::string::npos);
  EXPECT_NE(x.find("weight=\"2\""), std::string::npos);
  // The NaN value of b is left out rather than written as a number.
  EXPECT_NE(x.find("label=\"b\"><attvalues></attvalues>"), std::string::npos);
}

TEST(Writers, RefuseAttributeColumnsOfTheWrongLength) {
  Graph g = make_graph("a-b");
  NodeAttribute bad{"x", NodeAttribute::Type::kInt, {}, {1}, {}};
  std::ostringstream out;
  EXPECT_FALSE(write_graphml(out, g, {bad}).ok());
  EXPECT_FALSE(write_gexf(out, g, {bad}).ok());
}

TEST(ReportWriter, JsonHasTheContractKeysAndNullForUndefined) {
  Graph g = make_graph("a-b c");
  std::ostringstream out;
  write_report_json(out, g, analyze(g));
  const std::string j = out.str();
  for (const char* key :
       {"\"nodes\"", "\"edges\"", "\"directed\"", "\"density\"", "\"reciprocity\": null",
        "\"components\": 2", "\"strong_components\"", "\"transitivity\"", "\"average_clustering\"",
        "\"modularity\"", "\"communities\"", "\"average_path_length\"", "\"diameter\"",
        "\"assortativity\"", "\"metcalfe_potential\": 3", "\"constraint\": null",
        "\"role\": \"isolate\""}) {
    EXPECT_NE(j.find(key), std::string::npos) << key;
  }
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(json_string("a\"b\n"), "\"a\\\"b\\u000a\"");
}

}  // namespace
}  // namespace kring::graph
