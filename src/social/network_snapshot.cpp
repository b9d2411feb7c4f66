#include "social/network_snapshot.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "social/markdown.h"
#include "store/network_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

struct EdgeRule {
  store::InteractionKind kind;
  double weight;
  bool fades;
};
// A connection (mutual, confirmed) weighs twice a follow; a reply, a real
// exchange, weighs as a follow; a reaction half. Interactions fade with
// kInteractionHalfLifeDays, ties do not.
constexpr EdgeRule kEdgeRules[] = {
    {store::InteractionKind::kFollow, 1.0, false},
    {store::InteractionKind::kConnection, 2.0, false},
    {store::InteractionKind::kReply, 1.0, true},
    {store::InteractionKind::kReaction, 0.5, true},
};

double edge_weight(const store::InteractionRow& row, Micros now) {
  for (const auto& rule : kEdgeRules) {
    if (rule.kind != row.kind) continue;
    if (!rule.fades) return rule.weight;
    double age_days = std::max<double>(0.0, static_cast<double>(now - row.at) / 86400e6);
    return rule.weight * std::exp2(-age_days / kInteractionHalfLifeDays);
  }
  return 0.0;
}

}  // namespace

std::string NetworkScope::text() const {
  switch (kind) {
    case Kind::kInstance: return "instance";
    case Kind::kSpace: return "space:" + key;
    case Kind::kTag: return "tag:" + key;
  }
  return "instance";
}

std::string NetworkScope::cache_key() const {
  return kind == Kind::kSpace && space_id != 0 ? "space#" + std::to_string(space_id) : text();
}

Result<NetworkScope> parse_scope(std::string_view text) {
  if (text.empty() || text == "instance") return NetworkScope{};
  Error bad = Error::invalid("invalid_scope", "scope must be instance, space:SLUG or tag:TAG");
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return bad;
  auto kind = text.substr(0, colon);
  auto key = text.substr(colon + 1);
  if (kind == "space" && !key.empty() && key.size() <= 40) {
    return NetworkScope{NetworkScope::Kind::kSpace, std::string(key)};
  }
  if (kind == "tag") {
    auto tag = normalize_tag(key);
    if (!tag) return std::move(tag).error();
    return NetworkScope{NetworkScope::Kind::kTag, *tag};
  }
  return bad;
}

Result<NetworkSnapshot> build_snapshot(store::Connection& conn, const NetworkScope& scope,
                                       Micros now) {
  store::NetworkRepository repo(conn);
  NetworkSnapshot snap;
  snap.version = repo.version();
  std::optional<SpaceId> space_id;
  std::vector<MemberId> wanted;
  bool all = scope.kind == NetworkScope::Kind::kInstance;
  if (scope.kind == NetworkScope::Kind::kSpace) {
    store::SpaceRepository spaces(conn);
    auto space =
        scope.space_id ? spaces.find_by_id(scope.space_id) : spaces.find_by_slug(scope.key);
    if (!space) return Error::not_found("no space with slug '" + scope.key + "'");
    space_id = space->id;
    wanted = repo.space_members(space->id);
  } else if (scope.kind == NetworkScope::Kind::kTag) {
    wanted = repo.tag_members(scope.key);
  }
  // Member ids are dense rowids, so a vector maps them to node indices.
  std::vector<std::int32_t> index_of;
  graph::EdgeListBuilder builder(false);
  repo.members([&](MemberId id, std::string handle) {
    if (!all && !std::binary_search(wanted.begin(), wanted.end(), id)) return;
    if (static_cast<size_t>(id) >= index_of.size()) index_of.resize(static_cast<size_t>(id) + 1, -1);
    index_of[static_cast<size_t>(id)] = static_cast<std::int32_t>(builder.node(handle));
    snap.members.push_back(id);
  });
  std::unordered_map<std::uint64_t, double> weights;
  weights.reserve(snap.members.size() * 8);
  repo.interactions(space_id, [&](const store::InteractionRow& row) {
    if (row.source == row.target) return;
    auto node = [&](MemberId id) -> std::int32_t {
      return static_cast<size_t>(id) < index_of.size() ? index_of[static_cast<size_t>(id)] : -1;
    };
    std::int32_t a = node(row.source), b = node(row.target);
    if (a < 0 || b < 0) return;
    std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b);
    weights[key] += edge_weight(row, now);
  });
  std::vector<std::pair<std::uint64_t, double>> sorted(weights.begin(), weights.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [key, w] : sorted) {
    builder.add_edge(static_cast<graph::NodeId>(key >> 32), static_cast<graph::NodeId>(key & 0xffffffffu), w);
  }
  snap.edges = builder.finish();
  return snap;
}

}  // namespace kring::social
