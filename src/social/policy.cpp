#include "social/policy.h"

#include <array>

namespace kring::social {

namespace {

enum class Need { kAnyone, kMember, kActiveMember, kAnalyst, kAdmin };

struct Rule {
  Action action;
  Need need;
};

// Reading is open to suspended members (they may still see and export their
// data); writing needs an active member.
constexpr std::array kRules = {
    Rule{Action::kViewMember, Need::kAnyone},
    Rule{Action::kListMembers, Need::kAnyone},
    Rule{Action::kEditOwnProfile, Need::kActiveMember},
    Rule{Action::kChangePassword, Need::kMember},
    Rule{Action::kLogOut, Need::kMember},
    Rule{Action::kFollow, Need::kActiveMember},
    Rule{Action::kConnect, Need::kActiveMember},
    Rule{Action::kBlock, Need::kMember},
    Rule{Action::kViewOwnRequests, Need::kMember},
    Rule{Action::kSuspendMember, Need::kAdmin},
    Rule{Action::kSetMemberRole, Need::kAdmin},
    Rule{Action::kViewNetworkMetrics, Need::kAnalyst},
    Rule{Action::kCreateSpace, Need::kActiveMember},
    Rule{Action::kViewSpace, Need::kAnyone},
    Rule{Action::kJoinSpace, Need::kActiveMember},
    Rule{Action::kLeaveSpace, Need::kMember},
    Rule{Action::kPostItem, Need::kActiveMember},
    Rule{Action::kReply, Need::kActiveMember},
    Rule{Action::kReact, Need::kActiveMember},
    Rule{Action::kReport, Need::kMember},
    Rule{Action::kMute, Need::kMember},
    Rule{Action::kReadNotifications, Need::kMember},
    // Suggestions are for making ties and hosting, which suspended members
    // may not do.
    Rule{Action::kViewSuggestions, Need::kActiveMember},
};

Need need_of(Action action) {
  for (const auto& rule : kRules) {
    if (rule.action == action) return rule.need;
  }
  return Need::kAdmin;  // an action without a rule is denied to all but admins
}

}  // namespace

Status authorize(const Actor& actor, Action action) {
  Need need = need_of(action);
  if (need == Need::kAnyone) return {};
  if (!actor.signed_in()) return Error::unauthenticated("log in first");
  switch (need) {
    case Need::kActiveMember:
      if (actor.suspended) return Error::forbidden("this account is suspended");
      return {};
    case Need::kAnalyst:
      if (!actor.is_analyst()) return Error::forbidden("this needs the analyst role");
      return {};
    case Need::kAdmin:
      if (!actor.is_admin()) return Error::forbidden("this needs an instance admin");
      return {};
    default:
      return {};
  }
}

bool may_see_field(Relation relation, Visibility visibility) {
  // rows: relation; columns: public, members, connections
  static constexpr bool kTable[4][3] = {
      {true, false, false},  // anonymous
      {true, true, false},   // member
      {true, true, true},    // connection
      {true, true, true},    // self
  };
  return kTable[static_cast<int>(relation)][static_cast<int>(visibility)];
}

bool is_active_member(const std::optional<Membership>& m) {
  return m && m->state == MembershipState::kActive;
}

bool may_see_space(const Space& space, const std::optional<Membership>& m) {
  if (space.visibility != SpaceVisibility::kSecret) return true;
  return m && (m->state == MembershipState::kActive || m->state == MembershipState::kInvited);
}

bool may_read_space_content(const Space& space, const std::optional<Membership>& m) {
  return space.visibility == SpaceVisibility::kOpen || is_active_member(m);
}

bool may_moderate_space(const std::optional<Membership>& m) {
  return is_active_member(m) && m->role >= SpaceRole::kModerator;
}

bool may_manage_space(const std::optional<Membership>& m) {
  return is_active_member(m) && m->role == SpaceRole::kOwner;
}

bool may_contribute_to_space(const Space& space, const std::optional<Membership>& m) {
  return is_active_member(m) && !space.archived;
}

}  // namespace kring::social
