#include "social/network_views.h"

#include <algorithm>
#include <utility>

namespace kring::social {

NetworkSummary summarize(const NetworkLookup& lookup) {
  const NetworkResult& r = *lookup.result;
  NetworkSummary out;
  for (graph::NodeId v = 0; v < r.graph.node_count(); ++v)
    ++out.degree_distribution[r.graph.degree(v)];
  std::map<std::uint32_t, std::uint64_t> sizes;
  for (auto c : r.report.nodes.community) ++sizes[c];
  for (auto [c, n] : sizes) out.community_sizes.push_back(n);
  std::sort(out.community_sizes.rbegin(), out.community_sizes.rend());
  for (auto role : r.report.nodes.role) ++out.roles[std::string(graph::role_name(role))];
  return out;
}

std::optional<graph::NodeId> node_of(const NetworkLookup& lookup, MemberId member) {
  const auto& members = lookup.result->members;  // ascending: node index -> member id
  auto it = std::lower_bound(members.begin(), members.end(), member);
  if (it == members.end() || *it != member) return std::nullopt;
  return static_cast<graph::NodeId>(it - members.begin());
}

EgoNetwork ego_network(const NetworkLookup& lookup, graph::NodeId v) {
  const graph::Graph& g = lookup.result->graph;
  EgoNetwork out;
  auto around = g.neighbors(v);  // ascending
  auto weights = g.neighbor_weights(v);
  for (std::size_t k = 0; k < around.size(); ++k) {
    if (around[k] == v || !lookup.shows(around[k])) continue;
    out.neighbours.push_back(around[k]);
    out.ties.push_back({v, around[k], weights[k]});
  }
  for (std::size_t a = 0; a < around.size(); ++a) {
    if (!lookup.shows(around[a])) continue;
    auto next = g.neighbors(around[a]);
    auto next_weights = g.neighbor_weights(around[a]);
    for (std::size_t k = 0; k < next.size(); ++k) {
      auto w = next[k];
      if (w > around[a] && w != v && lookup.shows(w) &&
          std::binary_search(around.begin(), around.end(), w)) {
        out.ties.push_back({around[a], w, next_weights[k]});
      }
    }
  }
  return out;
}

std::vector<CommunityView> ranked_communities(const NetworkLookup& lookup,
                                              std::size_t max_communities, std::size_t top_count) {
  const auto& nodes = lookup.result->report.nodes;
  std::map<std::uint32_t, std::vector<graph::NodeId>> groups;
  for (graph::NodeId v = 0; v < nodes.community.size(); ++v)
    groups[nodes.community[v]].push_back(v);
  std::vector<std::pair<std::uint32_t, std::vector<graph::NodeId>>> ordered(groups.begin(),
                                                                            groups.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  std::vector<CommunityView> out;
  for (auto& [id, members] : ordered) {
    if (out.size() >= max_communities) break;
    if (!nodes.pagerank.empty()) {
      std::sort(members.begin(), members.end(),
                [&](auto a, auto b) { return nodes.pagerank[a] > nodes.pagerank[b]; });
    }
    CommunityView view{.id = id, .size = members.size()};
    for (std::size_t k = 0; k < members.size() && view.top_members.size() < top_count; ++k) {
      if (lookup.shows(members[k])) view.top_members.push_back(members[k]);
    }
    out.push_back(std::move(view));
  }
  return out;
}

NetworkMap network_map(const NetworkLookup& lookup, std::uint32_t max_nodes) {
  const graph::Graph& g = lookup.result->graph;
  NetworkMap out;
  out.total_nodes = g.node_count();
  auto& chosen = out.nodes;
  chosen.reserve(g.node_count());
  for (graph::NodeId v = 0; v < g.node_count(); ++v) {
    if (lookup.shows(v)) chosen.push_back(v);
  }
  if (chosen.size() > max_nodes) {
    std::partial_sort(chosen.begin(), chosen.begin() + max_nodes, chosen.end(),
                      [&](auto a, auto b) { return g.degree(a) > g.degree(b); });
    chosen.resize(max_nodes);
    std::sort(chosen.begin(), chosen.end());
  }
  std::vector<std::int32_t> slot(g.node_count(), -1);
  for (std::size_t k = 0; k < chosen.size(); ++k) slot[chosen[k]] = static_cast<std::int32_t>(k);
  for (auto u : chosen) {
    auto around = g.neighbors(u);
    auto weights = g.neighbor_weights(u);
    for (std::size_t k = 0; k < around.size(); ++k) {
      auto v = around[k];
      if (v > u && slot[v] >= 0) {
        out.ties.push_back(
            {static_cast<graph::NodeId>(slot[u]), static_cast<graph::NodeId>(slot[v]), weights[k]});
      }
    }
  }
  return out;
}

}  // namespace kring::social
