#include "social/policy.h"

#include <array>
#include <cstddef>

namespace kring::social {

namespace {

// Who may take an action at all: anyone (reads of what is public), a
// signed-in member, an analyst, or an instance admin.
enum class Need { kAnyone, kMember, kAnalyst, kAdmin };

// Whether a suspended member may still take an action that needs a signed-in
// member. Refused unless the row says otherwise: the few exceptions are
// logging out and reading one's own pages (a suspended account is
// read-only). Actions anyone may take stay open to them as to a visitor.
enum class WhileSuspended { kRefused, kAllowed };

struct Rule {
  Action action;
  Need need;
  WhileSuspended suspended = WhileSuspended::kRefused;
};

constexpr auto kAllowed = WhileSuspended::kAllowed;

// One row per Action, in the enum's order.
constexpr std::array kRules = {
    Rule{Action::kViewMember, Need::kAnyone},
    Rule{Action::kListMembers, Need::kAnyone},
    Rule{Action::kViewOwnProfile, Need::kMember, kAllowed},
    Rule{Action::kEditOwnProfile, Need::kMember},
    Rule{Action::kChangePassword, Need::kMember},
    Rule{Action::kLogOut, Need::kMember, kAllowed},
    Rule{Action::kSuspendMember, Need::kAdmin},
    Rule{Action::kReinstateMember, Need::kAdmin},
    Rule{Action::kSetMemberRole, Need::kAdmin},
    Rule{Action::kListTies, Need::kAnyone},
    Rule{Action::kFollow, Need::kMember},
    Rule{Action::kUnfollow, Need::kMember},
    Rule{Action::kConnect, Need::kMember},
    Rule{Action::kDisconnect, Need::kMember},
    Rule{Action::kBlock, Need::kMember},
    Rule{Action::kUnblock, Need::kMember},
    Rule{Action::kListBlocked, Need::kMember, kAllowed},
    Rule{Action::kViewOwnRequests, Need::kMember, kAllowed},
    Rule{Action::kViewSecondDegree, Need::kMember},
    Rule{Action::kViewSuggestions, Need::kMember},
    Rule{Action::kViewNetworkMetrics, Need::kAnalyst},
    Rule{Action::kViewSpaceNetwork, Need::kMember},
    Rule{Action::kListSpaces, Need::kAnyone},
    Rule{Action::kViewSpace, Need::kAnyone},
    Rule{Action::kCreateSpace, Need::kMember},
    Rule{Action::kEditSpace, Need::kMember},
    Rule{Action::kJoinSpace, Need::kMember},
    Rule{Action::kLeaveSpace, Need::kMember},
    Rule{Action::kRemoveSpaceMember, Need::kMember},
    Rule{Action::kDecideJoinRequest, Need::kMember},
    Rule{Action::kInviteToSpace, Need::kMember},
    Rule{Action::kSetSpaceRole, Need::kMember},
    Rule{Action::kListSpaceMembers, Need::kAnyone},
    Rule{Action::kViewOwnInvitations, Need::kMember, kAllowed},
    Rule{Action::kViewItem, Need::kAnyone},
    Rule{Action::kViewItemHistory, Need::kAnyone},
    Rule{Action::kPostItem, Need::kMember},
    Rule{Action::kEditItem, Need::kMember},
    Rule{Action::kDeleteItem, Need::kMember},
    Rule{Action::kHideItem, Need::kMember},
    Rule{Action::kUnhideItem, Need::kMember},
    Rule{Action::kListReplies, Need::kAnyone},
    Rule{Action::kReply, Need::kMember},
    Rule{Action::kDeleteReply, Need::kMember},
    Rule{Action::kHideReply, Need::kMember},
    Rule{Action::kUnhideReply, Need::kMember},
    Rule{Action::kReact, Need::kMember},
    Rule{Action::kUnreact, Need::kMember},
    Rule{Action::kReport, Need::kMember},
    Rule{Action::kViewReports, Need::kMember},
    Rule{Action::kResolveReport, Need::kMember},
    Rule{Action::kMute, Need::kMember},
    Rule{Action::kUnmute, Need::kMember},
    Rule{Action::kReadHomeFeed, Need::kMember, kAllowed},
    Rule{Action::kReadNotifications, Need::kMember, kAllowed},
    Rule{Action::kMarkNotificationsRead, Need::kMember},
    Rule{Action::kOpenStream, Need::kMember},
};

constexpr bool rows_follow_the_enum() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (static_cast<std::size_t>(kRules[i].action) != i) return false;
  }
  return true;
}
static_assert(rows_follow_the_enum(), "kRules needs one row per Action, in the enum's order");
static_assert(kRules.size() == static_cast<std::size_t>(Action::kOpenStream) + 1,
              "kRules needs one row per Action");

}  // namespace

Status authorize(const Actor& actor, Action action) {
  const Rule& rule = kRules[static_cast<std::size_t>(action)];
  if (rule.need == Need::kAnyone) return {};
  if (!actor.signed_in()) return Error::unauthenticated("log in first");
  if (actor.suspended && rule.suspended == WhileSuspended::kRefused) {
    return Error::forbidden("this account is suspended");
  }
  if (rule.need == Need::kAnalyst && !actor.is_analyst()) {
    return Error::forbidden("this needs the analyst role");
  }
  if (rule.need == Need::kAdmin && !actor.is_admin()) {
    return Error::forbidden("this needs an instance admin");
  }
  return {};
}

bool may_moderate_space(const Actor& actor, const std::optional<Membership>& m) {
  return !actor.suspended && is_active_member(m) && m->role >= SpaceRole::kModerator;
}

bool may_manage_space(const Actor& actor, const std::optional<Membership>& m) {
  return !actor.suspended && is_active_member(m) && m->role == SpaceRole::kOwner;
}

bool may_contribute_to_space(const Actor& actor, const Space& space,
                             const std::optional<Membership>& m) {
  return !actor.suspended && is_active_member(m) && !space.archived;
}

}  // namespace kring::social
