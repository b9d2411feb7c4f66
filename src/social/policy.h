#pragma once
// Who may do what: the one place where each action's rule lives. Handlers
// never decide; services call authorize() before they touch anything.
//
// Actor-level rules (is the caller signed in, not suspended, an admin) come
// from the table in policy.cpp; object-level rules (may this viewer see this
// member, this space, this item) are the may_* functions beside it.

#include <optional>

#include "core/member.h"
#include "core/space.h"
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
  kSetMemberRole,
  kViewNetworkMetrics,
  kCreateSpace,
  kViewSpace,
  kJoinSpace,
  kLeaveSpace,
  kPostItem,
  kReply,
  kReact,
  kReport,
  kMute,
  kReadNotifications,
  kViewSuggestions,
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

// Spaces. `membership` is the viewer's row in the space, if any.
// Secret spaces exist only for their active and invited members; content of
// closed and secret spaces is for active members; open spaces' for all.
bool may_see_space(const Space& space, const std::optional<Membership>& membership);
bool may_read_space_content(const Space& space, const std::optional<Membership>& membership);
bool is_active_member(const std::optional<Membership>& membership);
// Hosts: moderators (hide items, handle reports and requests, invite) and
// owners (also edit, archive and appoint moderators).
bool may_moderate_space(const std::optional<Membership>& membership);
bool may_manage_space(const std::optional<Membership>& membership);
// Posting, replying and reacting in a space need an active membership and
// a space that is not archived.
bool may_contribute_to_space(const Space& space, const std::optional<Membership>& membership);

// Item reads have one rule, kept as SQL beside the queries that use it
// (store/item_visibility_sql.h) so that feeds, search, counts and single
// reads cannot disagree.

}  // namespace kring::social
