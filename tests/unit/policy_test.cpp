#include "social/policy.h"

#include <gtest/gtest.h>

#include <set>

namespace kring::social {
namespace {

constexpr int kActionCount = static_cast<int>(Action::kOpenStream) + 1;

// What a suspended member may still do among the actions that need a
// signed-in member: log out and read their own pages. Everything else is
// refused, whatever their role.
const std::set<Action> kOpenWhileSuspended = {
    Action::kViewOwnProfile,     Action::kLogOut,
    Action::kListBlocked,        Action::kViewOwnRequests,
    Action::kViewOwnInvitations, Action::kReadHomeFeed,
    Action::kReadNotifications,
};

Actor member(MemberRole role, bool suspended) { return Actor{7, role, suspended, 1}; }

TEST(Policy, SuspendedActorsTakeOnlyTheReadOnlyActionsWhateverTheirRole) {
  for (auto role : {MemberRole::kMember, MemberRole::kAnalyst, MemberRole::kAdmin}) {
    for (int i = 0; i < kActionCount; ++i) {
      auto action = static_cast<Action>(i);
      bool anyone = authorize(Actor{}, action).ok();
      bool allowed = authorize(member(role, true), action).ok();
      bool expected = anyone || (kOpenWhileSuspended.count(action) > 0 &&
                                 authorize(member(role, false), action).ok());
      EXPECT_EQ(allowed, expected) << "action " << i << " role " << static_cast<int>(role);
      if (!allowed) {
        EXPECT_EQ(authorize(member(role, true), action).error().code, ErrorCode::kForbidden);
      }
    }
  }
}

TEST(Policy, InstanceRolesGateAdminAndAnalystActions) {
  for (auto action : {Action::kSuspendMember, Action::kReinstateMember, Action::kSetMemberRole}) {
    EXPECT_FALSE(authorize(member(MemberRole::kAnalyst, false), action).ok());
    EXPECT_TRUE(authorize(member(MemberRole::kAdmin, false), action).ok());
  }
  EXPECT_FALSE(authorize(member(MemberRole::kMember, false), Action::kViewNetworkMetrics).ok());
  EXPECT_TRUE(authorize(member(MemberRole::kAnalyst, false), Action::kViewNetworkMetrics).ok());
}

TEST(Policy, AnonymousVisitorsMustLogInForEveryMemberAction) {
  for (int i = 0; i < kActionCount; ++i) {
    auto status = authorize(Actor{}, static_cast<Action>(i));
    if (!status.ok()) {
      EXPECT_EQ(status.error().code, ErrorCode::kUnauthenticated) << i;
    }
  }
}

TEST(Policy, SuspendedHostsNeitherModerateNorManageNorContribute) {
  Space space;
  std::optional<Membership> owner = Membership{SpaceRole::kOwner, MembershipState::kActive};
  Actor active = member(MemberRole::kAdmin, false);
  Actor suspended = member(MemberRole::kAdmin, true);
  EXPECT_TRUE(may_moderate_space(active, owner));
  EXPECT_TRUE(may_manage_space(active, owner));
  EXPECT_TRUE(may_contribute_to_space(active, space, owner));
  EXPECT_FALSE(may_moderate_space(suspended, owner));
  EXPECT_FALSE(may_manage_space(suspended, owner));
  EXPECT_FALSE(may_contribute_to_space(suspended, space, owner));
  // Reading stays: a suspended member of a closed space still reads it.
  space.visibility = SpaceVisibility::kClosed;
  EXPECT_TRUE(may_read_space_content(space, owner));
}

}  // namespace
}  // namespace kring::social
