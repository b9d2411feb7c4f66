#include "social/network_views.h"

#include <gtest/gtest.h>

#include <memory>

namespace kring::social {
namespace {

// Nodes a..e are members 10..50. Ties: a-b, a-c, a-d, c-d, d-e, so a and d
// have degree 3, c 2, b and e 1. Communities {a,b,c} and {d,e}.
NetworkLookup five_members(std::vector<MemberId> hidden = {}) {
  graph::EdgeListBuilder builder;
  for (const char* label : {"a", "b", "c", "d", "e"}) builder.node(label);
  builder.add_edge("a", "b");
  builder.add_edge("a", "c", 2.0);
  builder.add_edge("a", "d");
  builder.add_edge("c", "d", 3.0);
  builder.add_edge("d", "e");
  auto r = std::make_shared<NetworkResult>();
  r->graph = std::move(graph::Graph::build(builder.finish())).value();
  r->members = {10, 20, 30, 40, 50};
  r->report.nodes.community = {0, 0, 0, 1, 1};
  r->report.nodes.pagerank = {0.4, 0.1, 0.2, 0.25, 0.05};
  using graph::Role;
  r->report.nodes.role = {Role::kHub, Role::kPeripheral, Role::kMember, Role::kHub,
                          Role::kPeripheral};
  NetworkLookup lookup;
  lookup.result = r;
  lookup.hidden = std::move(hidden);
  return lookup;
}

TEST(NetworkViews, SummaryCountsEveryNodeTheHiddenToo) {
  NetworkSummary s = summarize(five_members({10}));
  EXPECT_EQ(s.degree_distribution,
            (std::map<std::uint32_t, std::uint64_t>{{1, 2}, {2, 1}, {3, 2}}));
  EXPECT_EQ(s.community_sizes, (std::vector<std::uint64_t>{3, 2}));
  EXPECT_EQ(s.roles,
            (std::map<std::string, std::uint64_t>{{"hub", 2}, {"member", 1}, {"peripheral", 2}}));
}

TEST(NetworkViews, NodeOfFindsMembersInTheReportOnly) {
  NetworkLookup lookup = five_members();
  EXPECT_EQ(node_of(lookup, 30), graph::NodeId{2});
  EXPECT_EQ(node_of(lookup, 35), std::nullopt);
  EXPECT_EQ(node_of(lookup, 60), std::nullopt);
}

TEST(NetworkViews, EgoNetworkLeavesOutHiddenNeighboursAndKeepsTiesAmongTheShown) {
  NetworkLookup lookup = five_members({20});  // b hidden
  EgoNetwork ego = ego_network(lookup, 0);    // a
  EXPECT_EQ(ego.neighbours, (std::vector<graph::NodeId>{2, 3}));
  ASSERT_EQ(ego.ties.size(), 3u);
  EXPECT_EQ(ego.ties[0].from, 0u);
  EXPECT_EQ(ego.ties[0].to, 2u);
  EXPECT_EQ(ego.ties[0].weight, 2.0);
  EXPECT_EQ(ego.ties[1].to, 3u);
  // c-d closes the triangle; d-e leaves the ego network.
  EXPECT_EQ(ego.ties[2].from, 2u);
  EXPECT_EQ(ego.ties[2].to, 3u);
  EXPECT_EQ(ego.ties[2].weight, 3.0);
}

TEST(NetworkViews, CommunitiesRankLargestFirstWithTopShownMembersByPagerank) {
  auto communities = ranked_communities(five_members({10}), 200, 10);  // a hidden
  ASSERT_EQ(communities.size(), 2u);
  EXPECT_EQ(communities[0].id, 0u);
  EXPECT_EQ(communities[0].size, 3u);
  EXPECT_EQ(communities[0].top_members, (std::vector<graph::NodeId>{2, 1}));
  EXPECT_EQ(communities[1].top_members, (std::vector<graph::NodeId>{3, 4}));
  EXPECT_EQ(ranked_communities(five_members(), 1, 1).size(), 1u);
  EXPECT_EQ(ranked_communities(five_members(), 1, 1)[0].top_members,
            (std::vector<graph::NodeId>{0}));
}

TEST(NetworkViews, MapKeepsTheBestConnectedShownNodesAndTheTiesAmongThem) {
  NetworkMap map = network_map(five_members({40}), 2);  // d hidden
  EXPECT_EQ(map.total_nodes, 5u);
  EXPECT_EQ(map.nodes, (std::vector<graph::NodeId>{0, 2}));  // a (3), c (2)
  ASSERT_EQ(map.ties.size(), 1u);
  EXPECT_EQ(map.ties[0].from, 0u);  // positions in map.nodes
  EXPECT_EQ(map.ties[0].to, 1u);
  EXPECT_EQ(map.ties[0].weight, 2.0);
  EXPECT_EQ(network_map(five_members(), 20000).nodes.size(), 5u);
  EXPECT_EQ(network_map(five_members(), 20000).ties.size(), 5u);
}

}  // namespace
}  // namespace kring::social
