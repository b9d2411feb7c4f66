#include "social/policy.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

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

// How the actor stands to the resource. A row lists the standings of which
// any one suffices, and those that are all required.
enum Standing : std::uint32_t {
  kOwn = 1u << 0,                  // author of the item or reply; the member acted on is the actor
  kOther = 1u << 1,                // the member acted on is someone else
  kContributor = 1u << 2,          // in no space, or active member of its space, not archived
  kInSpace = 1u << 3,              // a membership row in the space: active, invited or requested
  kOpenSpaceMember = 1u << 4,      // active member of an open space
  kSpaceModerator = 1u << 5,       // active moderator or owner of the space
  kSpaceOwner = 1u << 6,           // active owner of the space
  kOutranksTarget = 1u << 7,       // a space role at least the target member's
  kReader = 1u << 8,               // may read the resource's content
  kAnalystReader = 1u << 9,        // an analyst who may read the resource's content
  kInstanceAdmin = 1u << 10,       // instance admin, outside spaces and where they read the space
  kAdminOutsideSpaces = 1u << 11,  // instance admin, for what lives in no space
  // Stands for the standings a kind's transition names (decide_transition
  // puts them in its place); held by nobody on its own.
  kByTransition = 1u << 12,
  kOrganiser = 1u << 13,  // the item's author or one of its co-organisers
  kHolder = 1u << 14,     // holds the item's reservation or loan
};
constexpr std::uint32_t kStandingCount = 15;

// Hosts and admins act on what they moderate even where they could not read
// it (hidden items, removed replies); every other standing needs the
// resource visible.
constexpr std::uint32_t kOversight =
    kSpaceModerator | kSpaceOwner | kInstanceAdmin | kAdminOutsideSpaces;

constexpr std::array<std::string_view, kStandingCount> kStandingNames = {
    "self",
    "other",
    "contributor",
    "in space",
    "open-space member",
    "space moderator",
    "space owner",
    "outranks target",
    "reader",
    "analyst reader",
    "admin",
    "admin outside spaces",
    "the transition's standings",
    "organiser",
    "holder"};

// What a refusal for lack of standing answers.
enum class Refusal { k403, k404 };

struct Rule {
  Action action;
  std::string_view name;
  Need need;
  WhileSuspended suspended = WhileSuspended::kRefused;
  std::uint32_t any = 0;     // one of these suffices (0: no standing needed)
  std::uint32_t all = 0;     // each of these is needed
  bool not_blocked = false;  // a block hides the resource: 404
  Refusal refusal = Refusal::k403;
  std::string_view message = {};  // the 403's message
};

constexpr auto kAllowed = WhileSuspended::kAllowed;
constexpr auto kRefused = WhileSuspended::kRefused;
using enum Need;

// One row per Action, in the enum's order.
constexpr std::array kRules = {
    Rule{Action::kViewMember, "view_member", kAnyone},
    Rule{Action::kViewReputation, "view_reputation", kAnyone},
    Rule{Action::kListMembers, "list_members", kAnyone},
    Rule{Action::kViewOwnProfile, "view_own_profile", kMember, kAllowed},
    Rule{Action::kEditOwnProfile, "edit_own_profile", kMember},
    Rule{Action::kChangePassword, "change_password", kMember},
    Rule{Action::kLogOut, "log_out", kMember, kAllowed},
    Rule{Action::kSuspendMember, "suspend_member", kAdmin, kRefused, 0, kOther, false,
         Refusal::k403, "admins cannot suspend themselves"},
    Rule{Action::kReinstateMember, "reinstate_member", kAdmin, kRefused, 0, kOther, false,
         Refusal::k403, "admins cannot reinstate themselves"},
    Rule{Action::kSetMemberRole, "set_member_role", kAdmin},
    Rule{Action::kListTies, "list_ties", kAnyone},
    Rule{Action::kFollow, "follow", kMember, kRefused, 0, kOther, true, Refusal::k403,
         "you cannot follow yourself"},
    Rule{Action::kUnfollow, "unfollow", kMember, kRefused, 0, kOther, false, Refusal::k403,
         "you cannot unfollow yourself"},
    Rule{Action::kConnect, "connect", kMember, kRefused, 0, kOther, true, Refusal::k403,
         "you cannot connect to yourself"},
    Rule{Action::kDisconnect, "disconnect", kMember, kRefused, 0, kOther, false, Refusal::k403,
         "you cannot disconnect from yourself"},
    Rule{Action::kBlock, "block", kMember, kRefused, 0, kOther, false, Refusal::k403,
         "you cannot block yourself"},
    Rule{Action::kUnblock, "unblock", kMember, kRefused, 0, kOther, false, Refusal::k403,
         "you cannot unblock yourself"},
    Rule{Action::kListBlocked, "list_blocked", kMember, kAllowed},
    Rule{Action::kViewOwnRequests, "view_own_requests", kMember, kAllowed},
    Rule{Action::kViewSecondDegree, "view_second_degree", kMember},
    Rule{Action::kViewSuggestions, "view_suggestions", kMember},
    Rule{Action::kViewBridgeSuggestions, "view_bridge_suggestions", kMember, kRefused,
         kSpaceModerator, 0, false, Refusal::k403,
         "only the space's hosts see who could bridge it"},
    Rule{Action::kViewNetworkMetrics, "view_network_metrics", kAnalyst},
    Rule{Action::kViewSpaceNetwork, "view_space_network", kMember, kRefused,
         kSpaceModerator | kAnalystReader, 0, false, Refusal::k403,
         "only the space's hosts and analysts see its network"},
    Rule{Action::kViewOwnNetworkPosition, "view_own_network_position", kMember, kRefused, 0, kOwn,
         false, Refusal::k403, "only analysts see other members' network positions"},
    Rule{Action::kListSpaces, "list_spaces", kAnyone},
    Rule{Action::kViewSpace, "view_space", kAnyone},
    Rule{Action::kCreateSpace, "create_space", kMember},
    Rule{Action::kEditSpace, "edit_space", kMember, kRefused, kSpaceOwner, 0, false, Refusal::k403,
         "only the space's owners may change it"},
    Rule{Action::kJoinSpace, "join_space", kMember},
    Rule{Action::kLeaveSpace, "leave_space", kMember, kRefused, kInSpace, 0, false, Refusal::k403,
         "you are not in this space"},
    Rule{Action::kRemoveSpaceMember, "remove_space_member", kMember, kRefused, kSpaceModerator,
         kOutranksTarget, false, Refusal::k403, "only the space's hosts may remove members"},
    Rule{Action::kListJoinRequests, "list_join_requests", kMember, kRefused, kSpaceModerator, 0,
         false, Refusal::k403, "only the space's hosts see its requests"},
    Rule{Action::kDecideJoinRequest, "decide_join_request", kMember, kRefused, kSpaceModerator, 0,
         false, Refusal::k403, "only the space's hosts may decide on requests"},
    Rule{Action::kInviteToSpace, "invite_to_space", kMember, kRefused,
         kOpenSpaceMember | kSpaceModerator, 0, true, Refusal::k403,
         "you may not invite members to this space"},
    Rule{Action::kSetSpaceRole, "set_space_role", kMember, kRefused, kSpaceOwner, 0, false,
         Refusal::k403, "only the space's owners may change roles"},
    Rule{Action::kListSpaceMembers, "list_space_members", kAnyone, kRefused, 0, kReader, false,
         Refusal::k403, "only members see who is in this space"},
    Rule{Action::kViewOwnInvitations, "view_own_invitations", kMember, kAllowed},
    Rule{Action::kViewItem, "view_item", kAnyone},
    Rule{Action::kViewItemHistory, "view_item_history", kAnyone},
    Rule{Action::kPostItem, "post_item", kMember, kRefused, 0, kContributor, false, Refusal::k403,
         "only members may post in this space"},
    Rule{Action::kEditItem, "edit_item", kMember, kRefused, kOwn, kContributor, false,
         Refusal::k403, "only the author may edit an item"},
    Rule{Action::kDeleteItem, "delete_item", kMember, kRefused,
         kOwn | kSpaceModerator | kInstanceAdmin, 0, false, Refusal::k403,
         "only the author or the space's moderators may delete this item"},
    Rule{Action::kHideItem, "hide_item", kMember, kRefused, kSpaceModerator | kInstanceAdmin, 0,
         false, Refusal::k403, "only the space's moderators may hide items"},
    Rule{Action::kUnhideItem, "unhide_item", kMember, kRefused, kSpaceModerator | kInstanceAdmin, 0,
         false, Refusal::k403, "only the space's moderators may unhide items"},
    Rule{Action::kMoveItemStatus, "move_item_status", kMember, kRefused, kByTransition, 0, false,
         Refusal::k403, "you may not move this item's status"},
    Rule{Action::kViewStatusHistory, "view_status_history", kAnyone},
    Rule{Action::kAnswerFollowUp, "answer_follow_up", kMember, kRefused, kOwn, 0, false,
         Refusal::k403, "only the author is asked about this"},
    Rule{Action::kListReplies, "list_replies", kAnyone},
    Rule{Action::kReply, "reply", kMember, kRefused, 0, kContributor, false, Refusal::k403,
         "only members of the space may take part here"},
    Rule{Action::kDeleteReply, "delete_reply", kMember, kRefused,
         kOwn | kSpaceModerator | kInstanceAdmin, 0, false, Refusal::k403,
         "only the author or the space's moderators may delete this reply"},
    Rule{Action::kHideReply, "hide_reply", kMember, kRefused, kSpaceModerator | kInstanceAdmin, 0,
         false, Refusal::k403, "only the space's moderators may hide replies"},
    Rule{Action::kUnhideReply, "unhide_reply", kMember, kRefused, kSpaceModerator | kInstanceAdmin,
         0, false, Refusal::k403, "only the space's moderators may unhide replies"},
    Rule{Action::kReact, "react", kMember, kRefused, 0, kContributor, false, Refusal::k403,
         "only members of the space may take part here"},
    Rule{Action::kUnreact, "unreact", kMember, kRefused, 0, kContributor, false, Refusal::k403,
         "only members of the space may take part here"},
    Rule{Action::kVote, "vote", kMember, kRefused, 0, kContributor, false, Refusal::k403,
         "only members of the space may take part here"},
    Rule{Action::kUnvote, "unvote", kMember, kRefused, 0, kContributor, false, Refusal::k403,
         "only members of the space may take part here"},
    Rule{Action::kFollowItem, "follow_item", kMember},
    // A block between the member and the event's author hides the event's
    // RSVP from them (404), as it hides a member from following the other.
    Rule{Action::kRsvp, "rsvp", kMember, kRefused, 0, kContributor, true, Refusal::k403,
         "only members of the space may take part here"},
    // Withdrawing gives a place back and never takes one: open to whoever
    // still reads the event, even after leaving its open space.
    Rule{Action::kCancelRsvp, "cancel_rsvp", kMember},
    Rule{Action::kCheckIn, "check_in", kMember, kRefused, kOrganiser | kSpaceModerator, 0, false,
         Refusal::k403, "only the event's organisers and the space's hosts check members in"},
    Rule{Action::kUndoCheckIn, "undo_check_in", kMember, kRefused, kOrganiser | kSpaceModerator,
         0, false, Refusal::k403,
         "only the event's organisers and the space's hosts check members in"},
    // Like Meetup: whoever may read the event and is signed in sees who goes
    // (not a suspended member: who goes is no page of their own).
    Rule{Action::kListAttendees, "list_attendees", kMember},
    Rule{Action::kViewAttendance, "view_attendance", kMember, kRefused,
         kOrganiser | kSpaceModerator, 0, false, Refusal::k403,
         "only the event's organisers and the space's hosts see the waiting list and check-ins"},
    Rule{Action::kViewMatches, "view_matches", kMember, kRefused, kOwn | kSpaceModerator, kReader,
         false, Refusal::k403, "only the item's author and its space's hosts see its matches"},
    Rule{Action::kReport, "report", kMember, kRefused, 0, kOther, false, Refusal::k403,
         "your own content is edited or deleted, not reported"},
    Rule{Action::kViewSpaceReports, "view_space_reports", kMember, kRefused, kSpaceModerator, 0,
         false, Refusal::k403, "only the space's hosts see its reports"},
    Rule{Action::kViewInstanceReports, "view_instance_reports", kAdmin},
    Rule{Action::kResolveReport, "resolve_report", kMember, kRefused,
         kSpaceModerator | kAdminOutsideSpaces, 0, false, Refusal::k404},
    Rule{Action::kMute, "mute", kMember, kRefused, 0, kOther, true, Refusal::k404},
    Rule{Action::kUnmute, "unmute", kMember, kRefused, 0, kOther, true, Refusal::k404},
    Rule{Action::kReadFeed, "read_feed", kAnyone, kRefused, 0, kReader, false, Refusal::k403,
         "only members see this space's content"},
    Rule{Action::kReadHomeFeed, "read_home_feed", kMember, kAllowed},
    Rule{Action::kSearch, "search", kAnyone},
    Rule{Action::kReadNotifications, "read_notifications", kMember, kAllowed},
    Rule{Action::kMarkNotificationsRead, "mark_notifications_read", kMember},
    Rule{Action::kOpenStream, "open_stream", kMember},
    // A block between a member and the offer's author hides the offer from
    // their reservation, as from a follow.
    Rule{Action::kReserveOffer, "reserve_offer", kMember, kRefused, kByTransition, 0, true,
         Refusal::k403, "you may not reserve this offer"},
    Rule{Action::kCancelReservation, "cancel_reservation", kMember, kRefused, kByTransition, 0,
         false, Refusal::k403, "only its author or the member holding it may cancel this"},
    Rule{Action::kLendOffer, "lend_offer", kMember, kRefused, kByTransition, 0, false,
         Refusal::k403, "only its author may lend it"},
    Rule{Action::kGiveOffer, "give_offer", kMember, kRefused, kByTransition, 0, false,
         Refusal::k403, "only its author may give it"},
    Rule{Action::kConfirmReturn, "confirm_return", kMember, kRefused, kByTransition, 0, false,
         Refusal::k403, "only its lender confirms its return"},
    Rule{Action::kListOwnLoans, "list_own_loans", kMember, kAllowed},
    Rule{Action::kPledge, "pledge", kMember, kRefused, 0, kOther | kContributor, true,
         Refusal::k403, "you cannot pledge to your own item"},
    Rule{Action::kDeliverContribution, "deliver_contribution", kMember, kRefused, kOwn,
         kContributor, false, Refusal::k403, "only the giver marks a contribution delivered"},
    Rule{Action::kConfirmContribution, "confirm_contribution", kMember, kRefused, kOrganiser,
         kOther | kContributor, false, Refusal::k403,
         "only the item's organisers confirm a contribution, never its giver"},
    Rule{Action::kDeclineContribution, "decline_contribution", kMember, kRefused, kOrganiser,
         kOther | kContributor, false, Refusal::k403,
         "only the item's organisers decline a contribution, never its giver"},
    Rule{Action::kWithdrawContribution, "withdraw_contribution", kMember, kRefused, kOwn,
         kContributor, false, Refusal::k403, "only the giver withdraws a contribution"},
    Rule{Action::kListContributions, "list_contributions", kAnyone},
    Rule{Action::kViewTimeBalance, "view_time_balance", kMember, kAllowed, 0, kOwn, false,
         Refusal::k403, "a member's time balance is theirs to see"},
    Rule{Action::kSetOrganiser, "set_organiser", kMember, kRefused, kOwn, kContributor, false,
         Refusal::k403, "only the item's author chooses its co-organisers"},
};

constexpr bool rows_follow_the_enum() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (static_cast<std::size_t>(kRules[i].action) != i) return false;
  }
  return true;
}
static_assert(rows_follow_the_enum(), "kRules needs one row per Action, in the enum's order");
static_assert(kRules.size() == kActionCount, "kRules needs one row per Action");

// Access ends with membership: no space standing without an active row, and
// none for a suspended actor.
bool active_in(const Actor& actor, const Resource& r) {
  return !actor.suspended && r.space && is_active_member(r.space->membership);
}

std::uint32_t standings_held(const Actor& actor, const Resource& r) {
  std::uint32_t held = 0;
  const bool active = active_in(actor, r);
  const SpaceRole role = active ? r.space->membership->role : SpaceRole::kMember;
  if (r.own) held |= kOwn;
  if (r.own || r.organiser) held |= kOrganiser;
  if (r.holder) held |= kHolder;
  if (!r.own) held |= kOther;
  if (!r.space || (active && !r.space->archived)) held |= kContributor;
  if (r.space && r.space->membership) held |= kInSpace;
  if (active && r.space->visibility == SpaceVisibility::kOpen) held |= kOpenSpaceMember;
  if (active && role >= SpaceRole::kModerator) held |= kSpaceModerator;
  if (active && role == SpaceRole::kOwner) held |= kSpaceOwner;
  if (active && (!r.target_role || role >= *r.target_role)) held |= kOutranksTarget;
  if (r.readable) held |= kReader;
  if (r.readable && actor.is_analyst()) held |= kAnalystReader;
  // A closed or secret space's discussion is its hosts' alone: to an admin
  // who is no member there it stays as invisible as to anyone else.
  const bool reads_space = !r.space || r.space->visibility == SpaceVisibility::kOpen || active;
  if (actor.is_admin() && !actor.suspended && reads_space) held |= kInstanceAdmin;
  if (actor.is_admin() && !actor.suspended && !r.space) held |= kAdminOutsideSpaces;
  return held;
}

enum class Verdict {
  kAllowed,
  kLogIn,
  kSuspended,
  kNotAnalyst,
  kNotAdmin,
  kHidden,
  kNoStanding,  // none of `any`
  kMissingAll,  // one of `all`
};

Verdict evaluate(const Actor& actor, const Rule& rule, const Resource& r, std::uint32_t& lacking) {
  if (rule.need != kAnyone) {
    if (!actor.signed_in()) return Verdict::kLogIn;
    if (actor.suspended && rule.suspended == kRefused) return Verdict::kSuspended;
    if (rule.need == kAnalyst && !actor.is_analyst()) return Verdict::kNotAnalyst;
    if (rule.need == kAdmin && !actor.is_admin()) return Verdict::kNotAdmin;
  }
  if (rule.not_blocked && r.blocked) return Verdict::kHidden;
  const std::uint32_t held = standings_held(actor, r);
  const bool oversees = (rule.any & held & kOversight) != 0;
  if (!r.visible && !oversees) return Verdict::kHidden;
  if (rule.any != 0 && (rule.any & held) == 0) return Verdict::kNoStanding;
  lacking = rule.all & ~held;
  if (lacking != 0) return Verdict::kMissingAll;
  return Verdict::kAllowed;
}

const Rule& rule_of(Action action) { return kRules[static_cast<std::size_t>(action)]; }

std::string standing_list(std::uint32_t set, std::string_view joiner) {
  std::string out;
  for (std::uint32_t i = 0; i < kStandingCount; ++i) {
    if ((set & (1u << i)) == 0) continue;
    if (!out.empty()) out += joiner;
    out += kStandingNames[i];
  }
  return out;
}

// The kind table's standings for a transition, as the table's own.
constexpr std::uint32_t standing_of(::kring::Standing by) {
  switch (by) {
    case ::kring::Standing::kAuthor:
      return kOwn;
    case ::kring::Standing::kSpaceModerator:
      return kSpaceModerator;
    case ::kring::Standing::kSpaceOwner:
      return kSpaceOwner;
    case ::kring::Standing::kAdmin:
      return kInstanceAdmin;
    case ::kring::Standing::kOrganiser:
      return kOrganiser;
    case ::kring::Standing::kParticipant:
      return kOther;  // and, in transition_rule, a contributor where the item is
    case ::kring::Standing::kHolder:
      return kHolder;
    case ::kring::Standing::kInstance:
      return 0;  // kring's own sweeps; no member holds it
  }
  return 0;
}
static_assert(EnumNames<::kring::Standing>::kTable.size() == 8,
              "map every standing a transition may name in standing_of");

// The kMoveItemStatus row with the transition's standings in place of
// kByTransition. An item the actor may not read takes no standing at all,
// so that hosts' oversight does not reach it: the row then answers only
// its instance-role checks and the 404.
constexpr Micros kMicrosPerDay = Micros{86400} * 1000 * 1000;

// Whether the author's time for `move` is over: its window has passed since
// the item entered `from`, or that time is unknown.
bool author_window_closed(const Resource& item, const StatusTransition& move) {
  if (move.author_window_days <= 0) return false;
  return !item.in_status_for || *item.in_status_for > move.author_window_days * kMicrosPerDay;
}

Rule transition_rule(const Resource& item, const StatusTransition& move,
                     Action verb = Action::kMoveItemStatus) {
  Rule rule = rule_of(verb);
  std::uint32_t by = 0;
  for (::kring::Standing s : enum_values<::kring::Standing>()) {
    if (move.by.contains(s)) by |= standing_of(s);
  }
  if (author_window_closed(item, move)) by &= ~kOwn;
  rule.any = item.visible ? (rule.any & ~kByTransition) | by : 0;
  // Taking part (reserving what is offered) is writing in the item's space.
  if (move.by.contains(::kring::Standing::kParticipant)) rule.all |= kContributor;
  // Nobody holds a move that only kring makes.
  if (rule.any == 0) rule.any = kByTransition;
  return rule;
}

// "its author, the space's moderators or an admin": who a transition is for.
// Without `with_author` the author is left out (their window has closed).
std::string who_may(const Standings& by, bool with_author = true) {
  static constexpr std::pair<::kring::Standing, std::string_view> kWho[] = {
      {::kring::Standing::kAuthor, "its author"},
      {::kring::Standing::kSpaceModerator, "the space's moderators"},
      {::kring::Standing::kSpaceOwner, "the space's owners"},
      {::kring::Standing::kAdmin, "an admin"},
      {::kring::Standing::kOrganiser, "its organisers"},
      {::kring::Standing::kParticipant, "another member taking part"},
      {::kring::Standing::kHolder, "the member holding it"},
      {::kring::Standing::kInstance, "kring itself"},
  };
  std::vector<std::string_view> names;
  for (const auto& [s, name] : kWho) {
    if (by.contains(s) && (with_author || s != ::kring::Standing::kAuthor)) names.push_back(name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

Status decide_rule(const Actor& actor, const Rule& rule, const Resource& resource) {
  std::uint32_t lacking = 0;
  switch (evaluate(actor, rule, resource, lacking)) {
    case Verdict::kAllowed:
      return {};
    case Verdict::kLogIn:
      return Error::unauthenticated("log in first");
    case Verdict::kSuspended:
      return Error::forbidden("this account is suspended");
    case Verdict::kNotAnalyst:
      return Error::forbidden("this needs the analyst role");
    case Verdict::kNotAdmin:
      return Error::forbidden("this needs an instance admin");
    case Verdict::kHidden:
      return Error::not_found(resource.not_found);
    case Verdict::kNoStanding:
    case Verdict::kMissingAll:
      break;
  }
  if (rule.refusal == Refusal::k404) return Error::not_found(resource.not_found);
  if ((lacking & kContributor) && resource.space && resource.space->archived) {
    return Error::forbidden("this space is archived");
  }
  if ((lacking & kOutranksTarget)) return Error::forbidden("moderators cannot remove an owner");
  return Error::forbidden(rule.message.empty() ? "you may not do this" : std::string(rule.message));
}

}  // namespace

Resource Resource::missing(std::string message) {
  Resource r;
  r.visible = false;
  r.readable = false;
  r.not_found = std::move(message);
  return r;
}

Resource Resource::of_space(const Space& space, const std::optional<Membership>& membership) {
  Resource r;
  r.visible = may_see_space(space, membership);
  r.readable = may_read_space_content(space, membership);
  r.space = SpaceStanding{space.visibility, space.archived, membership};
  r.not_found = "no space with slug '" + space.slug + "'";
  return r;
}

Resource Resource::of_content(const Actor& actor, MemberId author,
                              const std::optional<Space>& space,
                              const std::optional<Membership>& membership) {
  Resource r;
  r.own = actor.signed_in() && author == actor.id;
  if (space) r.space = SpaceStanding{space->visibility, space->archived, membership};
  return r;
}

Error refuse_missing(const Actor& actor, Action action, std::string message) {
  Status status = decide(actor, action, Resource::missing(message));
  return status.ok() ? Error::not_found(std::move(message)) : std::move(status).error();
}

bool allows(const Actor& actor, Action action, const Resource& resource) {
  std::uint32_t lacking = 0;
  return evaluate(actor, rule_of(action), resource, lacking) == Verdict::kAllowed;
}

Status decide(const Actor& actor, Action action, const Resource& resource) {
  return decide_rule(actor, rule_of(action), resource);
}

Status decide_transition(const Actor& actor, const Resource& item, const StatusTransition& move) {
  return decide_transition(actor, Action::kMoveItemStatus, item, move);
}

bool allows_transition(const Actor& actor, const Resource& item, const StatusTransition& move) {
  return allows_transition(actor, Action::kMoveItemStatus, item, move);
}

Status decide_transition(const Actor& actor, Action verb, const Resource& item,
                         const StatusTransition& move) {
  const Rule rule = transition_rule(item, move, verb);
  std::uint32_t lacking = 0;
  if (evaluate(actor, rule, item, lacking) == Verdict::kNoStanding) {
    if (item.own && author_window_closed(item, move)) {
      return Error::forbidden("its author's window to move it to '" + std::string(move.to) +
                              "' closed " + std::to_string(move.author_window_days) +
                              " days after it became '" + std::string(move.from) + "'; only " +
                              who_may(move.by, false) + " may now");
    }
    return Error::forbidden("only " + who_may(move.by) + " may move it to '" +
                            std::string(move.to) + "'");
  }
  return decide_rule(actor, rule, item);
}

bool allows_transition(const Actor& actor, Action verb, const Resource& item,
                       const StatusTransition& move) {
  std::uint32_t lacking = 0;
  return evaluate(actor, transition_rule(item, move, verb), item, lacking) == Verdict::kAllowed;
}

std::vector<std::string_view> allowed_status_moves(const Actor& actor, const Resource& item,
                                                   const ItemKindRule& kind,
                                                   std::string_view from) {
  std::vector<std::string_view> out;
  for (const auto& move : kind.transitions) {
    if (move.from == from && allows_transition(actor, item, move)) out.push_back(move.to);
  }
  return out;
}

std::vector<ItemVisibility> allowed_visibilities(const std::optional<Space>& space) {
  if (!space)
    return {ItemVisibility::kPublic, ItemVisibility::kMembers, ItemVisibility::kConnections};
  if (space->visibility == SpaceVisibility::kOpen) {
    return {ItemVisibility::kPublic, ItemVisibility::kMembers, ItemVisibility::kSpace};
  }
  return {ItemVisibility::kSpace};
}

ItemVisibility default_visibility(const std::optional<Space>& space) {
  return space ? ItemVisibility::kSpace : ItemVisibility::kPublic;
}

Status check_visibility(const std::optional<Space>& space, ItemVisibility v) {
  auto allowed = allowed_visibilities(space);
  if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return {};
  if (!space) return Error::invalid("invalid_visibility", "visibility 'space' needs a space");
  if (v == ItemVisibility::kConnections) {
    return Error::invalid("invalid_visibility", "items in a space cannot be for connections only");
  }
  return Error::invalid("invalid_visibility",
                        "items in a closed or secret space are for its members only");
}

std::string action_name(Action action) { return std::string(rule_of(action).name); }

std::vector<std::string> action_table_lines() {
  static constexpr std::string_view kNeeds[] = {"anyone", "member", "analyst", "admin"};
  std::vector<std::string> lines;
  lines.push_back("| action | needs | while suspended | standing | refusal |");
  lines.push_back("|---|---|---|---|---|");
  for (const Rule& rule : kRules) {
    std::string standing;
    if (rule.any) standing = standing_list(rule.any, " or ");
    if (rule.all) {
      if (!standing.empty()) standing += "; and ";
      standing += standing_list(rule.all, " and ");
    }
    if (rule.not_blocked) standing += standing.empty() ? "not blocked" : "; not blocked";
    if (standing.empty()) standing = "-";
    const bool open_while_suspended = rule.need == kAnyone || rule.suspended == kAllowed;
    // Without a standing to lack there is no refusal of that kind (what is not
    // visible is 404 on every row).
    const bool needs_standing = rule.any != 0 || rule.all != 0;
    lines.push_back("| " + std::string(rule.name) + " | " +
                    std::string(kNeeds[static_cast<int>(rule.need)]) + " | " +
                    (open_while_suspended ? "allowed" : "refused") + " | " + standing + " | " +
                    (!needs_standing                 ? "-"
                     : rule.refusal == Refusal::k404 ? "404"
                                                     : "403") +
                    " |");
  }
  return lines;
}

}  // namespace kring::social
