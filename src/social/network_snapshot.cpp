#include "social/network_snapshot.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "social/markdown.h"
#include "social/policy.h"
#include "store/network_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

struct EdgeRule {
  store::InteractionKind kind;
  double weight;
  bool fades;
  // Shared among a group: each pair of a group of n weighs weight / (n - 1),
  // so that every member gets `weight` from the group however large it is
  // (Newman 2001, "Scientific collaboration networks. II", Phys. Rev. E 64,
  // 016132: a paper's k authors are tied at 1/(k - 1) each). A big event
  // does not swamp the graph.
  bool shared;
};
// A connection (mutual, confirmed) weighs twice a follow; a reply, a real
// exchange, weighs as a follow; a reaction half. A confirmed contribution
// (giver -> receiver) weighs as a connection: something of value changed
// hands and the receiver vouched for it; one edge per contribution, whatever
// its amount (hours, cents and items have no common unit). Being checked in
// at the same event weighs 1, shared among those checked in. Interactions
// fade with kInteractionHalfLifeDays, ties do not. README.md "The network"
// lists the same table.
constexpr EdgeRule kEdgeRules[] = {
    {store::InteractionKind::kFollow, 1.0, false, false},
    {store::InteractionKind::kConnection, 2.0, false, false},
    {store::InteractionKind::kReply, 1.0, true, false},
    {store::InteractionKind::kReaction, 0.5, true, false},
    {store::InteractionKind::kContribution, 2.0, true, false},
    {store::InteractionKind::kCoAttendance, 1.0, true, true},
};

double edge_weight(const store::InteractionRow& row, Micros now) {
  for (const auto& rule : kEdgeRules) {
    if (rule.kind != row.kind) continue;
    double weight = rule.weight;
    if (rule.shared) weight /= static_cast<double>(std::max<std::int64_t>(row.group - 1, 1));
    if (!rule.fades) return weight;
    double age_days = std::max<double>(0.0, static_cast<double>(now - row.at) / 86400e6);
    return weight * std::exp2(-age_days / kInteractionHalfLifeDays);
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

namespace {

// splitmix64's finaliser (Steele, Lea, Flood 2014): spreads every input bit
// over the word, so summing mixed rows gives an order-independent hash in
// which adding or removing any one row changes the sum.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::uint64_t mix_all(std::initializer_list<std::uint64_t> parts) {
  std::uint64_t h = 0;
  for (auto p : parts) h = mix(h ^ p);
  return h;
}

// FNV-1a, so that a version survives a restart.
std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

std::vector<Visibility> visibilities_any_member_sees() {
  std::vector<Visibility> out;
  for (auto v : {Visibility::kPublic, Visibility::kMembers, Visibility::kConnections}) {
    if (may_see_field(Relation::kMember, v)) out.push_back(v);
  }
  return out;
}

// A viewer id no member has: "a signed-in member without ties to anyone".
constexpr MemberId kGenericMember = std::numeric_limits<MemberId>::max();

// Reads what enters a scope's network, once: on_member(node, id, handle)
// for each node in index order, on_interaction(a, b, row) for each tie or
// interaction between two nodes that no block cuts. Returns the scope's
// versions.
template <typename OnMember, typename OnInteraction>
Result<ScopeVersion> read_scope(store::Connection& conn, const NetworkScope& scope,
                                OnMember&& on_member, OnInteraction&& on_interaction) {
  store::NetworkRepository repo(conn);
  ScopeVersion version;
  version.db_version = repo.version();
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
    wanted = repo.tag_members(scope.key, visibilities_any_member_sees(), kGenericMember);
  }
  // Member ids are dense rowids, so a vector maps them to node indices.
  std::vector<std::int32_t> index_of;
  std::int32_t nodes = 0;
  repo.members([&](MemberId id, std::string handle) {
    if (!all && !std::binary_search(wanted.begin(), wanted.end(), id)) return;
    if (static_cast<size_t>(id) >= index_of.size())
      index_of.resize(static_cast<size_t>(id) + 1, -1);
    index_of[static_cast<size_t>(id)] = nodes;
    version.fingerprint += mix_all({1, static_cast<std::uint64_t>(id), hash_text(handle)});
    on_member(nodes++, id, std::move(handle));
  });
  auto node = [&](MemberId id) -> std::int32_t {
    return id >= 0 && static_cast<size_t>(id) < index_of.size() ? index_of[static_cast<size_t>(id)]
                                                                : -1;
  };
  auto pair_key = [](std::int32_t a, std::int32_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b);
  };
  std::unordered_set<std::uint64_t> blocked;
  repo.blocks([&](MemberId blocker, MemberId blockee) {
    std::int32_t a = node(blocker), b = node(blockee);
    if (a >= 0 && b >= 0) blocked.insert(pair_key(a, b));
  });
  repo.interactions(space_id, [&](const store::InteractionRow& row) {
    if (row.source == row.target) return;
    std::int32_t a = node(row.source), b = node(row.target);
    if (a < 0 || b < 0) return;
    if (!blocked.empty() && blocked.count(pair_key(a, b))) return;
    // A group's size moves its pairs' weights, so it is part of the version;
    // rows without one hash as they always did.
    std::uint64_t h =
        mix_all({2, static_cast<std::uint64_t>(row.source), static_cast<std::uint64_t>(row.target),
                 static_cast<std::uint64_t>(row.kind), static_cast<std::uint64_t>(row.at)});
    if (row.group != 0) h = mix(h ^ static_cast<std::uint64_t>(row.group));
    version.fingerprint += h;
    on_interaction(a, b, row);
  });
  return version;
}

}  // namespace

Result<NetworkSnapshot> build_snapshot(store::Connection& conn, const NetworkScope& scope,
                                       Micros now) {
  NetworkSnapshot snap;
  graph::EdgeListBuilder builder(false);
  std::unordered_map<std::uint64_t, double> weights;
  auto version = read_scope(
      conn, scope,
      [&](std::int32_t, MemberId id, std::string handle) {
        builder.node(handle);
        snap.members.push_back(id);
      },
      [&](std::int32_t a, std::int32_t b, const store::InteractionRow& row) {
        std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b);
        weights[key] += edge_weight(row, now);
      });
  if (!version) return std::move(version).error();
  snap.db_version = version->db_version;
  snap.fingerprint = version->fingerprint;
  std::vector<std::pair<std::uint64_t, double>> sorted(weights.begin(), weights.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [key, w] : sorted) {
    builder.add_edge(static_cast<graph::NodeId>(key >> 32),
                     static_cast<graph::NodeId>(key & 0xffffffffu), w);
  }
  snap.edges = builder.finish();
  return snap;
}

Result<ScopeVersion> scope_version(store::Connection& conn, const NetworkScope& scope) {
  return read_scope(
      conn, scope, [](std::int32_t, MemberId, std::string) {},
      [](std::int32_t, std::int32_t, const store::InteractionRow&) {});
}

}  // namespace kring::social
