#pragma once
// A member as one viewer may see them: hidden profile fields are absent,
// and the ties between viewer and member are spelled out.

#include <optional>
#include <string>
#include <vector>

#include "core/member.h"
#include "social/can.h"
#include "social/policy.h"
#include "store/database.h"

namespace kring::social {

enum class ConnectionState { kNone, kRequested, kIncomingRequest, kConnected };
std::string_view connection_state_name(ConnectionState s);

struct MemberView {
  Member member;  // email only filled for self
  Relation relation = Relation::kAnonymous;
  std::array<bool, kProfileFieldCount> visible{};
  bool following = false;    // viewer follows member
  bool followed_by = false;  // member follows viewer
  ConnectionState connection = ConnectionState::kNone;
  std::int64_t followers = 0;
  std::int64_t following_count = 0;
  std::int64_t connections = 0;
  std::optional<Can> can;  // social/capabilities; set where a list or page shows the member

  bool shows(ProfileField f) const { return visible[static_cast<size_t>(f)]; }
};

// Builds the view of `member` for `viewer` (0 = anonymous) on the caller's
// connection; with_counts adds the follower/following/connection counts.
MemberView view_member(store::Connection& conn, MemberId viewer, Member member, bool with_counts);

// The member as they see themself: every field, no tie lookups.
MemberView view_of_self(Member member);

}  // namespace kring::social
