#include "social/policy.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "policy_actors.h"

namespace kring::social {
namespace {

using policy_testing::actor_for;
using policy_testing::Who;

// How they stand toward the thing acted on.
enum class Standing {
  kNothing,         // an empty resource: nothing in particular
  kHidden,          // not visible to them (or not there at all)
  kOwnProfilePost,  // their own item, on a profile
  kOthersProfilePost,
  kOwnHiddenPost,        // their own item they can no longer read
  kOutsiderOpen,         // an open space, no membership
  kOutsiderClosed,       // a closed space, no membership (sees it, cannot read it)
  kMemberOpen,           // active member of an open space
  kMemberClosed,         // active member of a closed space
  kMemberArchived,       // active member of an archived space
  kInvitedClosed,        // invited to a closed space
  kRequestedClosed,      // asked to join a closed space
  kModeratorClosed,      // active moderator of a closed space
  kModeratorHiddenItem,  // moderator of the space of an item they cannot read
  kModeratorOverOwner,   // moderator, acting on the space's owner
  kOwnerClosed,          // active owner of a closed space
  kOwnPostInClosed,      // their own item in a closed space they are active in
  kOwnPostAfterLeaving,  // their own item in an open space they left
  kBlockedMember,        // another member, with a block between them
  kSelfMember,           // the member acted on is themself
};

Membership active(SpaceRole role) { return {role, MembershipState::kActive}; }

Resource space(SpaceVisibility v, std::optional<Membership> m, bool archived = false) {
  Space s;
  s.slug = "s";
  s.visibility = v;
  s.archived = archived;
  return Resource::of_space(s, m);
}

Resource resource_for(Standing standing) {
  Resource r;
  switch (standing) {
    case Standing::kNothing:
      break;
    case Standing::kHidden:
      r = Resource::missing("no such thing");
      break;
    case Standing::kOwnProfilePost:
      r.own = true;
      break;
    case Standing::kOthersProfilePost:
      break;
    case Standing::kOwnHiddenPost:
      r.own = true;
      r.visible = false;
      break;
    case Standing::kOutsiderOpen:
      r = space(SpaceVisibility::kOpen, std::nullopt);
      break;
    case Standing::kOutsiderClosed:
      r = space(SpaceVisibility::kClosed, std::nullopt);
      break;
    case Standing::kMemberOpen:
      r = space(SpaceVisibility::kOpen, active(SpaceRole::kMember));
      break;
    case Standing::kMemberClosed:
      r = space(SpaceVisibility::kClosed, active(SpaceRole::kMember));
      break;
    case Standing::kMemberArchived:
      r = space(SpaceVisibility::kOpen, active(SpaceRole::kMember), true);
      break;
    case Standing::kInvitedClosed:
      r = space(SpaceVisibility::kClosed,
                Membership{SpaceRole::kMember, MembershipState::kInvited});
      break;
    case Standing::kRequestedClosed:
      r = space(SpaceVisibility::kClosed,
                Membership{SpaceRole::kMember, MembershipState::kRequested});
      break;
    case Standing::kModeratorClosed:
      r = space(SpaceVisibility::kClosed, active(SpaceRole::kModerator));
      break;
    case Standing::kModeratorHiddenItem:
      r = space(SpaceVisibility::kClosed, active(SpaceRole::kModerator));
      r.visible = false;
      break;
    case Standing::kModeratorOverOwner:
      r = space(SpaceVisibility::kClosed, active(SpaceRole::kModerator));
      r.target_role = SpaceRole::kOwner;
      break;
    case Standing::kOwnerClosed:
      r = space(SpaceVisibility::kClosed, active(SpaceRole::kOwner));
      break;
    case Standing::kOwnPostInClosed:
      r = space(SpaceVisibility::kClosed, active(SpaceRole::kMember));
      r.own = true;
      break;
    case Standing::kOwnPostAfterLeaving:
      r = space(SpaceVisibility::kOpen, std::nullopt);
      r.own = true;
      break;
    case Standing::kBlockedMember:
      r.blocked = true;
      break;
    case Standing::kSelfMember:
      r.own = true;
      break;
  }
  return r;
}

// What decide() answers.
enum class Answer { kAllowed, k401, k403, k404 };

Answer answer(const Status& s) {
  if (s.ok()) return Answer::kAllowed;
  switch (s.error().code) {
    case ErrorCode::kUnauthenticated:
      return Answer::k401;
    case ErrorCode::kForbidden:
      return Answer::k403;
    case ErrorCode::kNotFound:
      return Answer::k404;
    default:
      return Answer::kAllowed;  // never: decide answers only these
  }
}

struct Row {
  Who who;
  Standing standing;
  Action action;
  Answer expected;
};

using enum Who;
using enum Standing;
using enum Answer;

// actor × standing × action → answer. Each row is one rule of the issue
// (#8's holes included), read from left to right.
const Row kRows[] = {
    // Items: delete = author, the space's moderators, or an admin.
    {kMember, kOwnProfilePost, Action::kDeleteItem, kAllowed},
    {kMember, kOthersProfilePost, Action::kDeleteItem, k403},
    {kMember, kHidden, Action::kDeleteItem, k404},
    {kVisitor, kHidden, Action::kDeleteItem, k401},
    {kMember, kOwnHiddenPost, Action::kDeleteItem, k404},
    {kAdmin, kOthersProfilePost, Action::kDeleteItem, kAllowed},
    {kMember, kModeratorClosed, Action::kDeleteItem, kAllowed},
    {kMember, kModeratorHiddenItem, Action::kDeleteItem, kAllowed},  // hosts reach hidden items
    {kMember, kMemberClosed, Action::kDeleteItem, k403},
    {kSuspendedMember, kOwnProfilePost, Action::kDeleteItem, k403},
    {kSuspendedAdmin, kOthersProfilePost, Action::kDeleteItem, k403},
    // Hide: the space's moderators, or admins.
    {kMember, kModeratorClosed, Action::kHideItem, kAllowed},
    {kMember, kOwnerClosed, Action::kHideItem, kAllowed},
    {kMember, kMemberClosed, Action::kHideItem, k403},
    {kMember, kOwnProfilePost, Action::kHideItem, k403},
    {kMember, kHidden, Action::kHideItem, k404},
    {kAdmin, kOthersProfilePost, Action::kHideItem, kAllowed},
    {kAdmin, kHidden, Action::kHideItem, kAllowed},
    {kSuspendedAdmin, kOthersProfilePost, Action::kHideItem, k403},
    {kSuspendedMember, kModeratorClosed, Action::kUnhideItem, k403},
    {kMember, kModeratorClosed, Action::kHideReply, kAllowed},
    {kMember, kMemberOpen, Action::kHideReply, k403},
    // Edit: the author, who may still contribute where the item lives.
    {kMember, kOwnProfilePost, Action::kEditItem, kAllowed},
    {kMember, kOwnPostInClosed, Action::kEditItem, kAllowed},
    {kMember, kOwnPostAfterLeaving, Action::kEditItem, k403},  // access ends with membership
    {kMember, kOthersProfilePost, Action::kEditItem, k403},
    {kMember, kModeratorClosed, Action::kEditItem, k403},
    {kAdmin, kOthersProfilePost, Action::kEditItem, k403},
    {kMember, kOwnHiddenPost, Action::kEditItem, k404},
    // Posting, replying, reacting: on a profile anyone signed in; in a space
    // active members of a space that is not archived.
    {kMember, kNothing, Action::kPostItem, kAllowed},
    {kVisitor, kNothing, Action::kPostItem, k401},
    {kMember, kMemberOpen, Action::kPostItem, kAllowed},
    {kMember, kOutsiderOpen, Action::kPostItem, k403},
    {kMember, kOutsiderClosed, Action::kPostItem, k403},
    {kMember, kInvitedClosed, Action::kPostItem, k403},
    {kMember, kRequestedClosed, Action::kPostItem, k403},
    {kMember, kMemberArchived, Action::kPostItem, k403},
    {kMember, kHidden, Action::kPostItem, k404},
    {kVisitor, kHidden, Action::kPostItem, k401},
    {kSuspendedMember, kOwnerClosed, Action::kPostItem, k403},
    {kMember, kMemberClosed, Action::kReply, kAllowed},
    {kMember, kOutsiderOpen, Action::kReply, k403},
    {kMember, kMemberArchived, Action::kReact, k403},
    {kMember, kOthersProfilePost, Action::kReact, kAllowed},
    {kSuspendedMember, kOthersProfilePost, Action::kReact, k403},
    {kMember, kMemberArchived, Action::kVote, k403},
    {kMember, kOthersProfilePost, Action::kVote, kAllowed},
    {kSuspendedMember, kOthersProfilePost, Action::kVote, k403},
    {kMember, kOthersProfilePost, Action::kUnvote, kAllowed},
    {kSuspendedMember, kOthersProfilePost, Action::kUnvote, k403},
    // Space management.
    {kMember, kOwnerClosed, Action::kEditSpace, kAllowed},
    {kMember, kModeratorClosed, Action::kEditSpace, k403},
    {kAdmin, kOutsiderClosed, Action::kEditSpace, k403},
    {kSuspendedMember, kOwnerClosed, Action::kEditSpace, k403},
    {kMember, kOwnerClosed, Action::kSetSpaceRole, kAllowed},
    {kMember, kModeratorClosed, Action::kSetSpaceRole, k403},
    {kMember, kModeratorClosed, Action::kDecideJoinRequest, kAllowed},
    {kMember, kMemberClosed, Action::kDecideJoinRequest, k403},
    {kMember, kModeratorClosed, Action::kListJoinRequests, kAllowed},
    {kMember, kMemberClosed, Action::kListJoinRequests, k403},
    {kMember, kModeratorClosed, Action::kRemoveSpaceMember, kAllowed},
    {kMember, kModeratorOverOwner, Action::kRemoveSpaceMember, k403},
    {kMember, kMemberClosed, Action::kRemoveSpaceMember, k403},
    {kSuspendedMember, kModeratorClosed, Action::kRemoveSpaceMember, k403},
    {kMember, kMemberOpen, Action::kInviteToSpace, kAllowed},
    {kMember, kMemberClosed, Action::kInviteToSpace, k403},
    {kMember, kModeratorClosed, Action::kInviteToSpace, kAllowed},
    {kMember, kOutsiderOpen, Action::kInviteToSpace, k403},
    {kMember, kHidden, Action::kInviteToSpace, k404},
    {kMember, kMemberClosed, Action::kLeaveSpace, kAllowed},
    {kMember, kRequestedClosed, Action::kLeaveSpace, kAllowed},
    {kMember, kOutsiderOpen, Action::kLeaveSpace, k403},
    {kMember, kOutsiderOpen, Action::kJoinSpace, kAllowed},
    {kMember, kHidden, Action::kJoinSpace, k404},
    {kSuspendedMember, kOutsiderOpen, Action::kJoinSpace, k403},
    // Reading a space: the content of closed spaces is for active members.
    {kVisitor, kOutsiderOpen, Action::kReadFeed, kAllowed},
    {kVisitor, kOutsiderClosed, Action::kReadFeed, k403},
    {kMember, kInvitedClosed, Action::kReadFeed, k403},
    {kSuspendedMember, kMemberClosed, Action::kReadFeed, kAllowed},  // reading stays
    {kMember, kHidden, Action::kReadFeed, k404},
    {kVisitor, kHidden, Action::kViewSpace, k404},
    {kVisitor, kOutsiderClosed, Action::kListSpaceMembers, k403},
    {kMember, kMemberClosed, Action::kListSpaceMembers, kAllowed},
    // Network views: hosts, and analysts who may read the space.
    {kMember, kModeratorClosed, Action::kViewSpaceNetwork, kAllowed},
    {kMember, kMemberClosed, Action::kViewSpaceNetwork, k403},
    {kAnalyst, kMemberClosed, Action::kViewSpaceNetwork, kAllowed},
    {kAnalyst, kOutsiderClosed, Action::kViewSpaceNetwork, k403},
    {kAnalyst, kOutsiderOpen, Action::kViewSpaceNetwork, kAllowed},
    {kMember, kNothing, Action::kViewNetworkMetrics, k403},
    {kAnalyst, kNothing, Action::kViewNetworkMetrics, kAllowed},
    {kMember, kModeratorClosed, Action::kViewBridgeSuggestions, kAllowed},
    {kMember, kMemberClosed, Action::kViewBridgeSuggestions, k403},
    // Reports: hosts of the space; admins for what lives in no space; else 404.
    {kMember, kModeratorClosed, Action::kResolveReport, kAllowed},
    {kMember, kMemberClosed, Action::kResolveReport, k404},
    {kAdmin, kNothing, Action::kResolveReport, kAllowed},
    {kAdmin, kOutsiderClosed, Action::kResolveReport, k404},
    {kMember, kNothing, Action::kResolveReport, k404},
    {kSuspendedAdmin, kNothing, Action::kResolveReport, k403},
    {kMember, kModeratorClosed, Action::kViewSpaceReports, kAllowed},
    {kMember, kMemberClosed, Action::kViewSpaceReports, k403},
    {kMember, kNothing, Action::kViewInstanceReports, k403},
    {kAdmin, kNothing, Action::kViewInstanceReports, kAllowed},
    // Members and ties: a block hides; nobody ties to themself.
    {kMember, kNothing, Action::kFollow, kAllowed},
    {kMember, kBlockedMember, Action::kFollow, k404},
    {kMember, kBlockedMember, Action::kConnect, k404},
    {kMember, kBlockedMember, Action::kUnfollow, kAllowed},
    {kMember, kBlockedMember, Action::kBlock, kAllowed},
    {kMember, kSelfMember, Action::kFollow, k403},
    {kMember, kSelfMember, Action::kMute, k404},
    {kMember, kBlockedMember, Action::kMute, k404},
    {kMember, kHidden, Action::kViewMember, k404},
    {kVisitor, kNothing, Action::kViewMember, kAllowed},
    // Instance administration.
    {kAdmin, kNothing, Action::kSuspendMember, kAllowed},
    {kAdmin, kSelfMember, Action::kSuspendMember, k403},
    {kAnalyst, kNothing, Action::kSuspendMember, k403},
    {kSuspendedAdmin, kNothing, Action::kSuspendMember, k403},
    {kSuspendedAdmin, kNothing, Action::kSetMemberRole, k403},
    {kAdmin, kNothing, Action::kSetMemberRole, kAllowed},
    {kMember, kNothing, Action::kSetMemberRole, k403},
    // Suspended means read-only, but one's own pages stay readable.
    {kSuspendedMember, kNothing, Action::kReadHomeFeed, kAllowed},
    {kSuspendedMember, kNothing, Action::kReadNotifications, kAllowed},
    {kSuspendedMember, kNothing, Action::kMarkNotificationsRead, k403},
    {kSuspendedMember, kNothing, Action::kLogOut, kAllowed},
    {kSuspendedMember, kNothing, Action::kOpenStream, k403},
};

std::string describe(const Row& row) {
  return "who " + std::to_string(static_cast<int>(row.who)) + ", standing " +
         std::to_string(static_cast<int>(row.standing)) + ", action " + action_name(row.action);
}

TEST(Policy, EveryRowOfTheDecisionTableHolds) {
  for (const Row& row : kRows) {
    Status status = decide(actor_for(row.who), row.action, resource_for(row.standing));
    EXPECT_EQ(answer(status), row.expected) << describe(row);
    EXPECT_EQ(allows(actor_for(row.who), row.action, resource_for(row.standing)), status.ok())
        << describe(row);
    if (!status.ok()) {
      EXPECT_FALSE(status.error().message.empty()) << describe(row);
    }
  }
}

// Every standing this test knows, so that the by-construction rules below
// are checked for each action over all of them.
constexpr Standing kAllStandings[] = {kNothing,
                                      kHidden,
                                      kOwnProfilePost,
                                      kOthersProfilePost,
                                      kOwnHiddenPost,
                                      kOutsiderOpen,
                                      kOutsiderClosed,
                                      kMemberOpen,
                                      kMemberClosed,
                                      kMemberArchived,
                                      kInvitedClosed,
                                      kRequestedClosed,
                                      kModeratorClosed,
                                      kModeratorHiddenItem,
                                      kModeratorOverOwner,
                                      kOwnerClosed,
                                      kOwnPostInClosed,
                                      kOwnPostAfterLeaving,
                                      kBlockedMember,
                                      kSelfMember};

// What a suspended member may still do among the actions that need a
// signed-in member: log out and read their own pages.
const std::set<Action> kOpenWhileSuspended = {
    Action::kViewOwnProfile,     Action::kLogOut,
    Action::kListBlocked,        Action::kViewOwnRequests,
    Action::kViewOwnInvitations, Action::kReadHomeFeed,
    Action::kReadNotifications,  Action::kListOwnLoans,
    Action::kViewTimeBalance,
};

TEST(Policy, SuspendedActorsTakeOnlyWhatVisitorsMayAndTheirOwnReadsWhateverTheirStanding) {
  for (std::size_t i = 0; i < kActionCount; ++i) {
    auto action = static_cast<Action>(i);
    for (Who who : {kSuspendedMember, kSuspendedAdmin}) {
      for (Standing standing : kAllStandings) {
        Resource r = resource_for(standing);
        bool allowed = allows(actor_for(who), action, r);
        bool as_visitor = allows(Actor{}, action, r);
        bool own_read = kOpenWhileSuspended.count(action) > 0;
        EXPECT_EQ(allowed, as_visitor || (own_read && allows(actor_for(kMember), action, r)))
            << "action " << action_name(action) << " standing " << static_cast<int>(standing);
      }
    }
  }
}

TEST(Policy, ASpaceStandingNeedsAnActiveMembership) {
  // Whatever role an inactive row holds, it counts for nothing but leaving.
  for (auto state : {MembershipState::kInvited, MembershipState::kRequested}) {
    for (auto role : {SpaceRole::kMember, SpaceRole::kModerator, SpaceRole::kOwner}) {
      for (auto visibility : {SpaceVisibility::kOpen, SpaceVisibility::kClosed}) {
        Resource inactive = space(visibility, Membership{role, state});
        Resource none = space(visibility, std::nullopt);
        for (std::size_t i = 0; i < kActionCount; ++i) {
          auto action = static_cast<Action>(i);
          if (action == Action::kLeaveSpace) continue;
          EXPECT_EQ(allows(actor_for(kMember), action, inactive),
                    allows(actor_for(kMember), action, none))
              << "action " << action_name(action) << " role " << static_cast<int>(role);
        }
      }
    }
  }
}

// A 403 for something invisible would say that it exists. The only 403 a
// missing resource may get is the one every resource gets (an instance role
// the actor lacks).
TEST(Policy, WhatIsNotVisibleIsAnswered404UnlessEverythingIsRefusedAlike) {
  for (std::size_t i = 0; i < kActionCount; ++i) {
    auto action = static_cast<Action>(i);
    for (Who who : {kMember, kAnalyst, kAdmin}) {
      Status status = decide(actor_for(who), action, Resource::missing("gone"));
      if (status.ok() || status.error().code == ErrorCode::kNotFound) continue;
      EXPECT_EQ(answer(status), k403) << action_name(action);
      for (Standing standing : kAllStandings) {
        EXPECT_EQ(answer(decide(actor_for(who), action, resource_for(standing))), k403)
            << action_name(action);
      }
    }
  }
}

TEST(Policy, VisitorsMustLogInForEveryMemberAction) {
  for (std::size_t i = 0; i < kActionCount; ++i) {
    auto action = static_cast<Action>(i);
    Status status = decide(Actor{}, action, Resource::missing("gone"));
    Status as_member = decide(actor_for(kMember), action, Resource::missing("gone"));
    // An action a visitor may take answers them like a member; the others ask them to log in.
    if (answer(status) != answer(as_member)) {
      EXPECT_EQ(status.error().code, ErrorCode::kUnauthenticated) << action_name(action);
    }
  }
}

TEST(Policy, ClosedAndSecretSpacesOfferOnlySpaceVisibility) {
  Space closed;
  closed.visibility = SpaceVisibility::kClosed;
  Space secret;
  secret.visibility = SpaceVisibility::kSecret;
  Space open;
  using V = ItemVisibility;
  EXPECT_EQ(allowed_visibilities(closed), std::vector<V>{V::kSpace});
  EXPECT_EQ(allowed_visibilities(secret), std::vector<V>{V::kSpace});
  EXPECT_EQ(allowed_visibilities(open), (std::vector<V>{V::kPublic, V::kMembers, V::kSpace}));
  EXPECT_EQ(allowed_visibilities(std::nullopt),
            (std::vector<V>{V::kPublic, V::kMembers, V::kConnections}));
  for (const auto& where : {std::optional<Space>(closed), std::optional<Space>(secret),
                            std::optional<Space>(open), std::optional<Space>()}) {
    for (V v : {V::kPublic, V::kMembers, V::kSpace, V::kConnections}) {
      auto allowed = allowed_visibilities(where);
      bool offered = std::find(allowed.begin(), allowed.end(), v) != allowed.end();
      EXPECT_EQ(check_visibility(where, v).ok(), offered);
    }
    EXPECT_TRUE(check_visibility(where, default_visibility(where)).ok());
  }
}

TEST(Policy, TheTablePrintsOneLinePerActionUnderItsHeader) {
  auto lines = action_table_lines();
  ASSERT_EQ(lines.size(), kActionCount + 2);
  EXPECT_EQ(lines[2].rfind("| view_member | anyone |", 0), 0u) << lines[2];
  std::set<std::string> names;
  for (std::size_t i = 0; i < kActionCount; ++i) {
    names.insert(action_name(static_cast<Action>(i)));
  }
  EXPECT_EQ(names.size(), kActionCount) << "two actions share a name";
}

}  // namespace
}  // namespace kring::social
