#pragma once
// Item: every social object (DESIGN.md). Kinds differ only by the rules in
// the kind table (core/kinds.h): the fields they take, the statuses they
// pass through and who may move them.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_names.h"
#include "core/member.h"
#include "core/space.h"
#include "core/time.h"

namespace kring {

using ItemId = std::int64_t;
using ReplyId = std::int64_t;

enum class ItemVisibility { kPublic, kMembers, kSpace, kConnections };
std::string_view item_visibility_name(ItemVisibility v);
std::optional<ItemVisibility> parse_item_visibility(std::string_view s);

// What a reaction is on (reactions.target_type).
enum class ReactionTarget { kItem, kReply };

// Stored names (items.visibility, item_revisions.visibility, reactions.target_type).
template <>
struct EnumNames<ItemVisibility> {
  static constexpr std::array<EnumName<ItemVisibility>, 4> kTable = {{
      {ItemVisibility::kPublic, "public"},
      {ItemVisibility::kMembers, "members"},
      {ItemVisibility::kSpace, "space"},
      {ItemVisibility::kConnections, "connections"},
  }};
};
template <>
struct EnumNames<ReactionTarget> {
  static constexpr std::array<EnumName<ReactionTarget>, 2> kTable = {{
      {ReactionTarget::kItem, "item"},
      {ReactionTarget::kReply, "reply"},
  }};
};

// Reactions: a small fixed set, one of each per member per target, in the
// order a picker offers them. GET /api/v1/vocabulary publishes this list.
std::span<const std::string_view> reaction_kinds();
bool is_reaction_kind(std::string_view kind);

// Where an item is: a point on the globe (WGS 84 degrees), with the
// address as the author typed it (may be empty).
struct ItemLocation {
  double lat = 0;
  double lon = 0;
  std::string address;
};
// lat in -90..90 and lon in -180..180, both finite.
bool on_globe(double lat, double lon);

// One goal of an initiative: `target` units of `kind` (core/kinds.h
// goal_kinds(): hours, cents or items), with a label saying what (for
// items: "ladders").
struct ItemGoal {
  std::string kind;
  std::int64_t target = 0;
  std::string label;
};

struct Item {
  ItemId id = 0;
  std::string kind;
  MemberId author_id = 0;
  std::optional<SpaceId> space_id;
  ItemVisibility visibility = ItemVisibility::kPublic;
  std::string title;
  std::string body;
  std::string html;
  std::string status;
  std::int64_t reply_count = 0;
  bool hidden = false;
  Micros created_at = 0;
  std::optional<Micros> edited_at;
  std::vector<std::string> tags;
  std::optional<ItemLocation> location;  // kinds that take ItemField::kLocation
  std::optional<std::string> category;   // one of item_categories()
  // The fields of requests, offers, initiatives and events, each on the
  // kinds that take it (core/kinds.h ItemField).
  std::vector<std::string> skills;        // kSkills: what a request needs, an offer gives
  std::optional<Micros> starts_at;        // kStartsAt
  std::optional<Micros> ends_at;          // kEndsAt
  std::optional<std::int64_t> capacity;   // kCapacity: places at an event, guests included
  std::vector<ItemGoal> goals;            // kGoals, in the author's order
  std::optional<Micros> deadline;         // kDeadline
  std::optional<std::int64_t> minimum;    // kMinimum: percent of every goal, 1..100
  std::optional<Micros> expires_at;       // kExpiresAt
  std::optional<std::string> offer_mode;  // kOfferMode: one of offer_modes()
};

struct Reply {
  ReplyId id = 0;
  ItemId item_id = 0;
  std::optional<ReplyId> parent_id;
  MemberId author_id = 0;
  int depth = 0;
  std::string body;
  std::string html;
  bool hidden = false;
  bool deleted = false;
  Micros created_at = 0;
  std::optional<Micros> edited_at;
};

// Replies nest at most this deep; a reply to a deeper one attaches to its parent's level.
inline constexpr int kMaxReplyDepth = 5;

}  // namespace kring
