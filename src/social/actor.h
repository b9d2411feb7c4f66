#pragma once
// The caller of an action, as authenticated by the http layer.

#include "core/member.h"

namespace kring::social {

struct Actor {
  MemberId id = 0;  // 0: anonymous
  MemberRole role = MemberRole::kMember;
  bool suspended = false;
  std::int64_t session_id = 0;

  bool signed_in() const { return id != 0; }
  bool is_admin() const { return role == MemberRole::kAdmin; }
  bool is_analyst() const { return role == MemberRole::kAnalyst || role == MemberRole::kAdmin; }
};

}  // namespace kring::social
