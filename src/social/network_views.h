#pragma once
// What the network endpoints show of a computed report, worked out from its
// graph: the summary figures, the communities ranked, a member's ego network
// and the map's nodes and ties. Every list of nodes leaves out those the
// lookup hides from the caller (NetworkLookup::shows). Node ids index
// lookup.result's graph and report; turning them into labels and JSON is
// http's. Each function needs lookup.result to be set.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/member.h"
#include "graph/graph.h"
#include "social/network.h"

namespace kring::social {

// Counts over every node: these name no one, so the hidden count too.
struct NetworkSummary {
  std::map<std::uint32_t, std::uint64_t> degree_distribution;  // degree -> nodes with it
  std::vector<std::uint64_t> community_sizes;                  // largest first
  std::map<std::string, std::uint64_t> roles;                  // role name -> nodes with it
};
NetworkSummary summarize(const NetworkLookup& lookup);

// The member's node in the report, or none when they are not in it (they
// joined after it was computed, or are suspended).
std::optional<graph::NodeId> node_of(const NetworkLookup& lookup, MemberId member);

struct WeightedTie {
  graph::NodeId from = 0, to = 0;
  double weight = 0;
};

// v's shown neighbours, in node order, and the ties from v to each and
// among them (how closed the ego network is).
struct EgoNetwork {
  std::vector<graph::NodeId> neighbours;
  std::vector<WeightedTie> ties;
};
EgoNetwork ego_network(const NetworkLookup& lookup, graph::NodeId v);

struct CommunityView {
  std::uint32_t id = 0;
  std::size_t size = 0;                    // every member, the hidden too
  std::vector<graph::NodeId> top_members;  // by pagerank, the first shown ones
};
// Largest first, at most max_communities, each with up to top_count members.
std::vector<CommunityView> ranked_communities(const NetworkLookup& lookup,
                                              std::size_t max_communities = 200,
                                              std::size_t top_count = 10);

// The map: every shown node, or the max_nodes with the highest degree, in
// node order; ties among them as indices into nodes. total_nodes counts
// every node of the network, the hidden too.
struct NetworkMap {
  std::vector<graph::NodeId> nodes;
  std::vector<WeightedTie> ties;  // from, to: positions in nodes
  std::size_t total_nodes = 0;
};
NetworkMap network_map(const NetworkLookup& lookup, std::uint32_t max_nodes);

}  // namespace kring::social
