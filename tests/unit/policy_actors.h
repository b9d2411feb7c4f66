#pragma once
// The actors the policy table tests act as: one member id, each instance
// role, suspended or not.

#include "social/actor.h"

namespace kring::social::policy_testing {

enum class Who { kVisitor, kMember, kAnalyst, kAdmin, kSuspendedMember, kSuspendedAdmin };

inline Actor actor_for(Who who) {
  switch (who) {
    case Who::kVisitor:
      return Actor{};
    case Who::kMember:
      return Actor{7, MemberRole::kMember, false, 1};
    case Who::kAnalyst:
      return Actor{7, MemberRole::kAnalyst, false, 1};
    case Who::kAdmin:
      return Actor{7, MemberRole::kAdmin, false, 1};
    case Who::kSuspendedMember:
      return Actor{7, MemberRole::kMember, true, 1};
    case Who::kSuspendedAdmin:
      return Actor{7, MemberRole::kAdmin, true, 1};
  }
  return Actor{};
}

}  // namespace kring::social::policy_testing
