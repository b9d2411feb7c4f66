#include <charconv>
#include <cmath>

#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "social/network_views.h"

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
  social::NetworkSummary summary = social::summarize(lookup);
  json body = envelope(lookup);
  body["graph"] = graph_figures(r.report.graph);
  json distribution = json::array();
  for (auto [k, count] : summary.degree_distribution)
    distribution.push_back({{"degree", k}, {"count", count}});
  body["degree_distribution"] = std::move(distribution);
  body["community_sizes"] = summary.community_sizes;
  json roles = json::object();
  for (const auto& [name, count] : summary.roles) roles[name] = count;
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
  std::optional<graph::NodeId> node = social::node_of(lookup, member_id);
  if (!node) {
    // A member who joined since the cached run is in the one being computed.
    if (lookup.stale) return computing(scope);
    return Response::error(404, "not_found", "'" + handle + "' is not in this network");
  }
  json body = envelope(lookup);
  body["handle"] = handle;
  body["metrics"] = node_metrics(r, *node);
  social::EgoNetwork ego = social::ego_network(lookup, *node);
  const auto& community = r.report.nodes.community;
  json ego_nodes = json::array();
  for (auto u : ego.neighbours) {
    ego_nodes.push_back({{"id", r.graph.label(u)},
                         {"community", community.empty() ? json(nullptr) : json(community[u])}});
  }
  json ego_edges = json::array();
  for (const auto& t : ego.ties)
    ego_edges.push_back({r.graph.label(t.from), r.graph.label(t.to), t.weight});
  body["ego"] = {{"nodes", ego_nodes}, {"edges", ego_edges}};
  return Response::json(200, body);
}

// The largest communities of one computed version, whole rather than paged:
// a summary of a fixed report, which a cursor would outlive
// (docs/network-metrics.md, Communities).
Response communities(const social::NetworkLookup& lookup, const social::NetworkResult& r) {
  json items = json::array();
  for (const auto& c : social::ranked_communities(lookup)) {
    json top = json::array();
    for (auto v : c.top_members) top.push_back(r.graph.label(v));
    items.push_back({{"id", c.id}, {"size", c.size}, {"top_members", std::move(top)}});
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
  social::NetworkMap map = social::network_map(lookup, max_nodes);
  json nodes = json::array();
  for (auto v : map.nodes) {
    json node = node_metrics(r, v);
    node["id"] = r.graph.label(v);
    nodes.push_back(std::move(node));
  }
  json edges = json::array();
  for (const auto& t : map.ties) edges.push_back({t.from, t.to, t.weight});
  json body = envelope(lookup);
  body["total_nodes"] = map.total_nodes;
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
