#pragma once
// The network the analytics read, built from the model and never stored
// twice (DESIGN.md): members are nodes; follows, connections, replies,
// reactions, confirmed contributions (giver -> receiver) and co-attendance
// (both checked in at the same event) are edges, weighted by kind and
// recency (the table in network_snapshot.cpp), summed per pair.
//
// Scopes: the instance; a space (its active members, and interactions
// among them, including those inside that space); a tag (members carrying
// the skill or interest, or posting with the tag). Interactions inside closed
// and secret spaces never enter instance or tag networks.
//
// A tag network holds only what any signed-in member could see: a skill or
// interest counts when its field is visible to members who are not the
// member's connections (public or members), and an item's tag when such a
// member may read the item. So every analyst gets the same tag network, and
// a connections-only skill never puts anyone in it.
//
// A block cuts every edge between the two members, both ways: they are not
// tied in any network, so neither shows in the other's ego network.

#include <string>
#include <string_view>
#include <vector>

#include "core/member.h"
#include "core/result.h"
#include "core/space.h"
#include "graph/edge_list.h"
#include "store/database.h"

namespace kring::social {

struct NetworkScope {
  enum class Kind { kInstance, kSpace, kTag };
  Kind kind = Kind::kInstance;
  std::string key;  // slug or tag
  // A space scope's space, set by Network::authorize_scope. Caches and
  // history are keyed by it (cache_key), not by the slug: a space made
  // secret moves to a new slug and another space may take the old one, which
  // must not inherit the secret space's figures.
  SpaceId space_id = 0;

  std::string text() const;       // "instance", "space:slug", "tag:t"
  std::string cache_key() const;  // text(), or "space#id" once space_id is set
};

// 400 invalid_scope for anything but instance, space:SLUG or tag:TAG.
Result<NetworkScope> parse_scope(std::string_view text);

struct NetworkSnapshot {
  graph::EdgeList edges;          // directed = false; labels are handles
  std::vector<MemberId> members;  // node index -> member id
  // store::NetworkRepository::version() when read: internal, counts changes
  // anywhere, including inside secret spaces.
  std::int64_t db_version = 0;
  // A hash of exactly what entered this scope's network (members, handles,
  // and each tie and interaction with its time), independent of row order.
  // Changes to anything outside the scope leave it unchanged, so it is the
  // scope's version that callers may see.
  std::uint64_t fingerprint = 0;
};

// Half-life of an interaction's weight; ties themselves do not fade.
inline constexpr double kInteractionHalfLifeDays = 180.0;

// REQUIRES: a read transaction on conn. 404 for an unknown space.
// Takes O(n + m) time.
Result<NetworkSnapshot> build_snapshot(store::Connection& conn, const NetworkScope& scope,
                                       Micros now);

// The db_version and fingerprint build_snapshot would give, without building
// the graph. REQUIRES: a read transaction on conn. Takes O(n + m) time.
struct ScopeVersion {
  std::int64_t db_version = 0;
  std::uint64_t fingerprint = 0;
};
Result<ScopeVersion> scope_version(store::Connection& conn, const NetworkScope& scope);

}  // namespace kring::social
