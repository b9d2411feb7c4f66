#pragma once
// Who may do what: the one place where each action's rule lives. Handlers
// never decide; services call authorize() before they touch anything.
//
// Actor-level rules (is the caller signed in, not suspended, an admin) come
// from the table in policy.cpp; object-level rules (may this viewer see this
// member, this space, this item) are the may_* functions beside it.

#include "core/member.h"
#include "core/result.h"
#include "social/actor.h"

namespace kring::social {

enum class Action {
  kViewMember,
  kListMembers,
  kEditOwnProfile,
  kChangePassword,
  kLogOut,
  kFollow,
  kConnect,
  kBlock,
  kViewOwnRequests,
  kSuspendMember,
  kViewNetworkMetrics,
  kCreateSpace,
  kViewSpace,
  kJoinSpace,
  kPostItem,
  kReply,
  kReact,
  kReport,
  kMute,
  kReadNotifications,
};

// 401 when the action needs a signed-in member and there is none; 403 for a
// suspended member doing anything but reading and leaving, or a member
// without the role the action needs.
Status authorize(const Actor& actor, Action action);

// How the viewer stands to a member; decides which profile fields they see.
enum class Relation { kAnonymous, kMember, kConnection, kSelf };

// The visibility table: public fields for all, members fields for signed-in
// members, connections fields for connections and the member themself.
bool may_see_field(Relation relation, Visibility visibility);

}  // namespace kring::social
