#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"

namespace kring::http {

namespace {

using nlohmann::json;

json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }
template <typename T>
json optional_number(const std::optional<T>& x) {
  return x ? json(*x) : json(nullptr);
}

Response computing(const std::string& scope) {
  Response r = Response::json(202, {{"status", "computing"}, {"scope", scope}});
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

json graph_figures(const graph::GraphMetrics& m) {
  return {{"nodes", m.nodes},
          {"edges", m.edges},
          {"directed", m.directed},
          {"density", number(m.density)},
          {"reciprocity", number(m.reciprocity)},
          {"components", optional_number(m.components)},
          {"strong_components", optional_number(m.strong_components)},
          {"largest_component", optional_number(m.largest_component)},
          {"transitivity", number(m.transitivity)},
          {"average_clustering", number(m.average_clustering)},
          {"modularity", number(m.modularity)},
          {"communities", optional_number(m.communities)},
          {"average_path_length", number(m.average_path_length)},
          {"diameter", optional_number(m.diameter)},
          {"assortativity", number(m.assortativity)},
          {"metcalfe_potential", number(m.metcalfe_potential)},
          {"metcalfe_ratio", number(m.metcalfe_ratio)},
          {"betweenness_sampled", m.betweenness_sampled},
          {"betweenness_error_bound", number(m.betweenness_error_bound)},
          {"distances_sampled", m.distances_sampled},
          {"seconds", number(m.seconds)}};
}

// Answers from the scope's cached network, or 202 while it is computed.
template <typename Body>
Response with_network(social::Services& s, Context& ctx, Body body) {
  std::string scope = ctx.request.query_value("scope", "instance");
  KRING_HTTP_TRY(lookup, s.network.lookup(ctx.actor, scope));
  if (!lookup.result) return computing(scope);
  return body(lookup, *lookup.result);
}

// The version is opaque: the scope's fingerprint, which changes only when
// what went into this scope's network did.
std::string version_text(std::uint64_t fingerprint) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int k = 15; k >= 0; --k, fingerprint >>= 4)
    out[static_cast<size_t>(k)] = kHex[fingerprint & 15];
  return out;
}

json envelope(const social::NetworkLookup& lookup) {
  const auto& r = *lookup.result;
  return {{"scope", r.scope.text()},
          {"version", version_text(r.fingerprint)},
          {"computed_at", format_rfc3339(r.computed_at)},
          {"stale", lookup.stale}};
}

Response metrics(const social::NetworkLookup& lookup, const social::NetworkResult& r) {
  const auto& nodes = r.report.nodes;
  json body = envelope(lookup);
  body["graph"] = graph_figures(r.report.graph);
  std::map<std::uint32_t, std::uint64_t> degrees;
  for (graph::NodeId v = 0; v < r.graph.node_count(); ++v) ++degrees[r.graph.degree(v)];
  json distribution = json::array();
  for (auto [k, count] : degrees) distribution.push_back({{"degree", k}, {"count", count}});
  body["degree_distribution"] = std::move(distribution);
  std::map<std::uint32_t, std::uint64_t> sizes;
  for (auto c : nodes.community) ++sizes[c];
  std::vector<std::uint64_t> community_sizes;
  for (auto [c, n] : sizes) community_sizes.push_back(n);
  std::sort(community_sizes.rbegin(), community_sizes.rend());
  body["community_sizes"] = community_sizes;
  json roles = json::object();
  for (auto role : nodes.role) {
    auto name = std::string(graph::role_name(role));
    roles[name] = roles.value(name, 0) + 1;
  }
  body["roles"] = std::move(roles);
  json history = json::array();
  for (const auto& h : r.history) {
    history.push_back({{"computed_at", format_rfc3339(h.computed_at)},
                       {"nodes", h.nodes},
                       {"edges", h.edges},
                       {"density", number(h.density)},
                       {"components", h.components},
                       {"average_clustering", number(h.average_clustering)},
                       {"modularity", number(h.modularity)},
                       {"communities", h.communities},
                       {"average_path_length", number(h.average_path_length)},
                       {"isolates", h.isolates}});
  }
  body["history"] = std::move(history);
  return Response::json(200, body);
}

json node_metrics(const social::NetworkResult& r, graph::NodeId v) {
  const auto& n = r.report.nodes;
  auto at = [v](const auto& column) -> json {
    if (column.empty()) return nullptr;
    using T = std::decay_t<decltype(column[0])>;
    if constexpr (std::is_floating_point_v<T>)
      return number(column[v]);
    else
      return json(column[v]);
  };
  return {{"degree", at(n.degree)},
          {"strength", at(n.strength)},
          {"betweenness", at(n.betweenness)},
          {"closeness", at(n.closeness)},
          {"harmonic", at(n.harmonic)},
          {"eigenvector", at(n.eigenvector)},
          {"pagerank", at(n.pagerank)},
          {"clustering", at(n.clustering)},
          {"core", at(n.core)},
          {"constraint", at(n.constraint)},
          {"effective_size", at(n.effective_size)},
          {"community", at(n.community)},
          {"role", n.role.empty() ? json(nullptr) : json(graph::role_name(n.role[v]))}};
}

Response member_metrics(social::Services& s, Context& ctx) {
  std::string scope = ctx.request.query_value("scope", "instance");
  const std::string& handle = ctx.request.param("h");
  MemberId member_id = 0;
  KRING_HTTP_TRY(lookup, s.network.lookup_member(ctx.actor, handle, scope, member_id));
  if (!lookup.result) return computing(scope);
  const auto& r = *lookup.result;
  auto it = std::lower_bound(r.members.begin(), r.members.end(), member_id);
  if (it == r.members.end() || *it != member_id) {
    // A member who joined since the cached run is in the one being computed.
    if (lookup.stale) return computing(scope);
    return Response::error(404, "not_found", "'" + handle + "' is not in this network");
  }
  auto v = static_cast<graph::NodeId>(it - r.members.begin());
  json body = envelope(lookup);
  body["handle"] = handle;
  body["metrics"] = node_metrics(r, v);
  json ego_nodes = json::array();
  json ego_edges = json::array();
  auto around = r.graph.neighbors(v);
  auto weights = r.graph.neighbor_weights(v);
  for (size_t k = 0; k < around.size(); ++k) {
    if (around[k] == v || !lookup.shows(around[k])) continue;
    ego_nodes.push_back({{"id", r.graph.label(around[k])},
                         {"community", r.report.nodes.community.empty()
                                           ? json(nullptr)
                                           : json(r.report.nodes.community[around[k]])}});
    ego_edges.push_back({r.graph.label(v), r.graph.label(around[k]), weights[k]});
  }
  // Ties among the neighbours show how closed the ego network is.
  for (size_t a = 0; a < around.size(); ++a) {
    if (!lookup.shows(around[a])) continue;
    auto next = r.graph.neighbors(around[a]);
    auto next_weights = r.graph.neighbor_weights(around[a]);
    for (size_t k = 0; k < next.size(); ++k) {
      auto w = next[k];
      if (w > around[a] && w != v && lookup.shows(w) &&
          std::binary_search(around.begin(), around.end(), w)) {
        ego_edges.push_back({r.graph.label(around[a]), r.graph.label(w), next_weights[k]});
      }
    }
  }
  body["ego"] = {{"nodes", ego_nodes}, {"edges", ego_edges}};
  return Response::json(200, body);
}

Response communities(const social::NetworkLookup& lookup, const social::NetworkResult& r) {
  const auto& nodes = r.report.nodes;
  std::map<std::uint32_t, std::vector<graph::NodeId>> groups;
  for (graph::NodeId v = 0; v < nodes.community.size(); ++v)
    groups[nodes.community[v]].push_back(v);
  std::vector<std::pair<std::uint32_t, std::vector<graph::NodeId>>> ordered(groups.begin(),
                                                                            groups.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  json items = json::array();
  for (auto& [id, members] : ordered) {
    if (!nodes.pagerank.empty()) {
      std::sort(members.begin(), members.end(),
                [&](auto a, auto b) { return nodes.pagerank[a] > nodes.pagerank[b]; });
    }
    json top = json::array();
    for (size_t k = 0; k < members.size() && top.size() < 10; ++k) {
      if (lookup.shows(members[k])) top.push_back(r.graph.label(members[k]));
    }
    items.push_back({{"id", id}, {"size", members.size()}, {"top_members", top}});
    if (items.size() >= 200) break;
  }
  json body = envelope(lookup);
  body["modularity"] = number(r.report.graph.modularity);
  body["items"] = std::move(items);
  return Response::json(200, body);
}

// The map's nodes and ties: every member, or the max_nodes best connected,
// less those in a block with the caller (total_nodes still counts them).
Response map_graph(const social::NetworkLookup& lookup, const social::NetworkResult& r,
                   std::uint32_t max_nodes) {
  const auto& g = r.graph;
  // The most connected nodes when the network is larger than the map shows.
  std::vector<graph::NodeId> chosen;
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
  json nodes = json::array();
  for (size_t k = 0; k < chosen.size(); ++k) {
    slot[chosen[k]] = static_cast<std::int32_t>(k);
    json node = node_metrics(r, chosen[k]);
    node["id"] = g.label(chosen[k]);
    nodes.push_back(std::move(node));
  }
  json edges = json::array();
  for (auto u : chosen) {
    auto around = g.neighbors(u);
    auto weights = g.neighbor_weights(u);
    for (size_t k = 0; k < around.size(); ++k) {
      auto v = around[k];
      if (v > u && slot[v] >= 0) edges.push_back({slot[u], slot[v], weights[k]});
    }
  }
  json body = envelope(lookup);
  body["total_nodes"] = g.node_count();
  body["nodes"] = std::move(nodes);
  body["edges"] = std::move(edges);
  return Response::json(200, body);
}

Response network_graph(social::Services& s, Context& ctx) {
  std::string max_text = ctx.request.query_value("max_nodes", "5000");
  std::uint32_t max_nodes = 0;
  auto parsed = std::from_chars(max_text.data(), max_text.data() + max_text.size(), max_nodes);
  if (parsed.ec != std::errc() || parsed.ptr != max_text.data() + max_text.size() ||
      max_nodes < 1 || max_nodes > 20000) {
    return Response::error(400, "invalid_limit", "max_nodes must be from 1 to 20000");
  }
  return with_network(s, ctx, [max_nodes](const auto& lookup, const auto& r) {
    return map_graph(lookup, r, max_nodes);
  });
}

Response suggestions(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(found, s.suggestions.for_member(ctx.actor));
  json connect = json::array();
  for (const auto& c : found.connect) {
    json j = member_json(c.member, false);
    j["score"] = c.score;
    j["reason"] = {{"mutual_connections", c.mutual_connections},
                   {"shared_skills", c.shared_skills},
                   {"shared_spaces", c.shared_spaces}};
    connect.push_back(std::move(j));
  }
  json bridges = json::array();
  for (const auto& b : found.bridges) {
    bridges.push_back({{"space", b.space},
                       {"space_name", b.space_name},
                       {"member", member_json(b.member, false)},
                       {"bridge", member_json(b.bridge, false)},
                       {"position", b.position},
                       {"reach_before", b.reach_before},
                       {"reach_after", b.reach_after},
                       {"shared_skills", b.shared_skills}});
  }
  return Response::json(200, {{"connect", connect}, {"bridges", bridges}});
}

}  // namespace

void register_network_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::get, "/api/v1/network/metrics",
             [&s](Context& c) { return with_network(s, c, metrics); });
  router.add(verb::get, "/api/v1/network/members/{h}",
             [&s](Context& c) { return member_metrics(s, c); });
  router.add(verb::get, "/api/v1/network/communities",
             [&s](Context& c) { return with_network(s, c, communities); });
  router.add(verb::get, "/api/v1/network/graph", [&s](Context& c) { return network_graph(s, c); });
  router.add(verb::get, "/api/v1/me/suggestions", [&s](Context& c) { return suggestions(s, c); });
}

}  // namespace kring::http
