#pragma once
// Space: a group (DESIGN.md). Visibility decides who sees it and its content:
// open (anyone sees and joins), closed (anyone sees it exists; content for
// members; join by request), secret (only members know it exists; entry by
// invitation).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/enum_names.h"
#include "core/member.h"
#include "core/result.h"
#include "core/time.h"

namespace kring {

using SpaceId = std::int64_t;

enum class SpaceVisibility { kOpen, kClosed, kSecret };
enum class SpaceKind { kTeam, kCommunity, kNeighbourhood, kPlace };
enum class SpaceRole { kMember, kModerator, kOwner };  // ordered by power
enum class MembershipState { kActive, kRequested, kInvited };

std::string_view space_visibility_name(SpaceVisibility v);
std::optional<SpaceVisibility> parse_space_visibility(std::string_view s);
std::string_view space_kind_name(SpaceKind k);
std::optional<SpaceKind> parse_space_kind(std::string_view s);
std::string_view space_role_name(SpaceRole r);
std::optional<SpaceRole> parse_space_role(std::string_view s);
std::string_view membership_state_name(MembershipState s);
std::optional<MembershipState> parse_membership_state(std::string_view s);

// Stored names (spaces.visibility, spaces.kind, space_members.role and state) and API names.
template <>
struct EnumNames<SpaceVisibility> {
  static constexpr std::array<EnumName<SpaceVisibility>, 3> kTable = {{
      {SpaceVisibility::kOpen, "open"},
      {SpaceVisibility::kClosed, "closed"},
      {SpaceVisibility::kSecret, "secret"},
  }};
};
template <>
struct EnumNames<SpaceKind> {
  static constexpr std::array<EnumName<SpaceKind>, 4> kTable = {{
      {SpaceKind::kTeam, "team"},
      {SpaceKind::kCommunity, "community"},
      {SpaceKind::kNeighbourhood, "neighbourhood"},
      {SpaceKind::kPlace, "place"},
  }};
};
template <>
struct EnumNames<SpaceRole> {
  static constexpr std::array<EnumName<SpaceRole>, 3> kTable = {{
      {SpaceRole::kMember, "member"},
      {SpaceRole::kModerator, "moderator"},
      {SpaceRole::kOwner, "owner"},
  }};
};
template <>
struct EnumNames<MembershipState> {
  static constexpr std::array<EnumName<MembershipState>, 3> kTable = {{
      {MembershipState::kActive, "active"},
      {MembershipState::kRequested, "requested"},
      {MembershipState::kInvited, "invited"},
  }};
};

// How a space's members vote on its ideas (social/votes.h); unset: no limit,
// no automatic review.
struct VoteSettings {
  // The most votes a member may have on the space's ideas that are still open.
  std::optional<std::int64_t> vote_limit;
  // The votes at which an open idea moves to under_review by itself.
  std::optional<std::int64_t> review_threshold;
};
inline constexpr std::int64_t kVoteLimitMax = 1000;
inline constexpr std::int64_t kReviewThresholdMax = 1'000'000;

struct Space {
  SpaceId id = 0;
  std::string slug;
  std::string name;
  std::string description;
  SpaceKind kind = SpaceKind::kCommunity;
  SpaceVisibility visibility = SpaceVisibility::kOpen;
  MemberId created_by = 0;
  bool archived = false;
  Micros created_at = 0;
  std::int64_t member_count = 0;
  VoteSettings votes;
};

struct Membership {
  SpaceRole role = SpaceRole::kMember;
  MembershipState state = MembershipState::kActive;
};

// Slugs: 3-40 characters, lowercase a-z, digits and '-', starting with a letter.
Status validate_slug(std::string_view slug);

}  // namespace kring
