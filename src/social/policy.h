#pragma once
// Who may do what: the one place where each action's rule lives. Handlers
// never decide; services call authorize() with the action they perform,
// under its own name, before they touch anything.
//
// Actor-level rules (is the caller signed in, not suspended, an analyst or
// an admin) are the table in policy.cpp, one row per Action; object-level
// rules (may this viewer see this member, this space, this item) are the
// may_* functions beside it.
//
// Suspended means read-only: a suspended member may do what anyone may
// (read what is public), read their own pages (profile, notifications,
// requests, invitations, blocks, home feed) and log out. Every other action
// refuses them, and so does every space-role check below, whatever their
// role: a suspended host moderates nothing.

#include <optional>

#include "core/member.h"
#include "core/result.h"
#include "core/space.h"
#include "social/actor.h"
#include "social/visibility.h"

namespace kring::social {

// One per real verb. Keep in step with kRules in policy.cpp (a missing or
// misplaced row does not compile).
enum class Action {
  // profiles and the directory
  kViewMember,
  kListMembers,
  kViewOwnProfile,
  kEditOwnProfile,
  kChangePassword,
  kLogOut,
  // instance admin
  kSuspendMember,
  kReinstateMember,
  kSetMemberRole,
  // ties
  kListTies,
  kFollow,
  kUnfollow,
  kConnect,
  kDisconnect,
  kBlock,
  kUnblock,
  kListBlocked,
  kViewOwnRequests,
  kViewSecondDegree,
  kViewSuggestions,
  // network analytics
  kViewNetworkMetrics,
  kViewSpaceNetwork,  // the space's hosts, and analysts who may read it
  // spaces
  kListSpaces,
  kViewSpace,
  kCreateSpace,
  kEditSpace,
  kJoinSpace,
  kLeaveSpace,
  kRemoveSpaceMember,
  kDecideJoinRequest,
  kInviteToSpace,
  kSetSpaceRole,
  kListSpaceMembers,
  kViewOwnInvitations,
  // items
  kViewItem,
  kViewItemHistory,
  kPostItem,
  kEditItem,
  kDeleteItem,
  kHideItem,
  kUnhideItem,
  // conversation
  kListReplies,
  kReply,
  kDeleteReply,
  kHideReply,
  kUnhideReply,
  kReact,
  kUnreact,
  // moderation
  kReport,
  kViewReports,
  kResolveReport,
  kMute,
  kUnmute,
  // feeds and notifications
  kReadHomeFeed,
  kReadNotifications,
  kMarkNotificationsRead,
  kOpenStream,
};

// 401 when the action needs a signed-in member and there is none; 403 for a
// suspended member taking an action not open to them (see above), or a
// member without the instance role the action needs.
Status authorize(const Actor& actor, Action action);

// Hosts: moderators (hide items, handle reports and requests, invite,
// remove members) and owners (also edit, archive and appoint moderators).
// False for a suspended actor, whatever their role.
bool may_moderate_space(const Actor& actor, const std::optional<Membership>& membership);
bool may_manage_space(const Actor& actor, const std::optional<Membership>& membership);
// Posting, replying and reacting in a space need an actor who is
// not suspended, an active membership and a space that is not archived.
bool may_contribute_to_space(const Actor& actor, const Space& space,
                             const std::optional<Membership>& membership);

}  // namespace kring::social
