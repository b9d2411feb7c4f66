#pragma once
// Who may do what: the one place where each action's rule lives. Services
// load what an action touches, describe the actor's standing toward it as a
// Resource, and ask decide() under the action's own name; they make no
// authorization decision of their own. Handlers never decide.
//
// The table in policy.cpp has one row per Action: the instance role it needs
// (anyone, member, analyst, admin), whether a suspended member may still
// take it, which standings suffice (any of them) and which are required (all
// of them), whether a block between actor and resource hides it, and whether
// a refusal answers 404 (the resource stays invisible) or 403.
//
// Two rules hold by construction, not by a check someone remembers:
// - Suspended means read-only: a suspended member may do what anyone may
//   (read what is public), read their own pages (profile, notifications,
//   requests, invitations, blocks, home feed) and log out; every other
//   action refuses them, and no space-role standing counts for them.
// - Access ends with membership: every space-role standing (contributor,
//   space member, moderator, owner) needs an active membership.
//
// A missing resource and an invisible one answer alike (Resource::missing):
// 401 to a visitor when the action needs a member, else 404, so the answer
// never tells whether something exists.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/kinds.h"
#include "core/member.h"
#include "core/result.h"
#include "core/space.h"
#include "core/time.h"
#include "social/actor.h"
#include "social/visibility.h"

namespace kring::social {

// One per real verb. Keep in step with kRules in policy.cpp (a missing or
// misplaced row does not compile).
enum class Action {
  // profiles and the directory
  kViewMember,
  kViewReputation,  // contributions confirmed and participation type (social/reputation)
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
  kViewBridgeSuggestions,  // per space: who could bridge it, for its hosts
  // network analytics
  kViewNetworkMetrics,
  kViewSpaceNetwork,
  kViewOwnNetworkPosition,  // one's own ego network in the instance network
  // spaces
  kListSpaces,
  kViewSpace,
  kCreateSpace,
  kEditSpace,
  kJoinSpace,
  kLeaveSpace,
  kRemoveSpaceMember,
  kListJoinRequests,
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
  kMoveItemStatus,  // its standings are the kind table's, per transition: decide_transition()
  kViewStatusHistory,
  kAnswerFollowUp,  // the author's answer to the kind's follow-up (social/follow_ups)
  // conversation
  kListReplies,
  kReply,
  kDeleteReply,
  kHideReply,
  kUnhideReply,
  kReact,
  kUnreact,
  kVote,  // on kinds that take votes, while the item is at its initial status (social/votes)
  kUnvote,
  // Following an item to hear of its status changes, and ending that
  // (social/item_follows): for a member who may read it.
  kFollowItem,
  // events (social/events): answering an event, and its attendance
  kRsvp,  // going or waitlisted, with guests, while the event is scheduled and not over
  kCancelRsvp,
  kCheckIn,  // a going member, by the event's organisers or the space's hosts
  kUndoCheckIn,
  kListAttendees,   // who is going: members who may read the event
  kViewAttendance,  // the waiting list and who checked in: organisers and hosts
  // Who could help with a request, and the offers or requests that fit
  // (social/matches): for the item's author and its space's hosts.
  kViewMatches,
  // moderation
  kReport,
  kViewSpaceReports,
  kViewInstanceReports,
  kResolveReport,
  kMute,
  kUnmute,
  // feeds, search and notifications
  kReadFeed,  // public, tag, member and space feeds
  kReadHomeFeed,
  kSearch,
  kReadNotifications,
  kMarkNotificationsRead,
  kOpenStream,
  // lending (social/lending): each verb moves an offer along one transition
  // of its kind, whose standings are the kind table's (decide_transition
  // with the verb)
  kReserveOffer,
  kCancelReservation,
  kLendOffer,
  kGiveOffer,
  kConfirmReturn,
  kListOwnLoans,
  // the ledger (social/contributions): a contribution's Resource has `own`
  // for its giver and `organiser` for the item's author and co-organisers.
  kPledge,  // to an item that takes contributions; own: the actor wrote the item
  kDeliverContribution,
  kConfirmContribution,
  kDeclineContribution,
  kWithdrawContribution,
  kListContributions,  // per item, member or space: the rows on items the viewer reads
  kViewTimeBalance,    // a member's time bank; own: the member is the actor
  kSetOrganiser,       // adding and removing an item's co-organisers
};
inline constexpr std::size_t kActionCount = static_cast<std::size_t>(Action::kSetOrganiser) + 1;

// The space a resource lives in (or the space acted on), as the actor stands there.
struct SpaceStanding {
  SpaceVisibility visibility = SpaceVisibility::kOpen;
  bool archived = false;
  std::optional<Membership> membership;  // the actor's row, if any
};

// The actor's standing toward the thing acted on, built by the service from
// what it loaded. The default is "nothing in particular": visible, readable,
// not the actor's own, in no space.
struct Resource {
  bool visible = true;   // the actor may know it exists; false: every refusal is 404
  bool readable = true;  // the actor may read its content (a closed space's, say)
  bool own = false;      // the actor is its author, or the member acted on is the actor
  bool organiser = false;  // the actor co-organises the item (item_organisers)
  bool holder = false;     // the actor holds the item's open reservation or loan
  std::optional<SpaceStanding> space;
  std::optional<SpaceRole> target_role;  // the space role of the member acted on, if any
  // How long an item has been at its current status (now minus the time of
  // the latest change into it, or its creation): what a transition's
  // author_window_days is measured against. Unknown: the window is closed.
  std::optional<Micros> in_status_for;
  bool blocked = false;                  // a block stands between the actor and it
  std::string not_found = "not found";   // the 404's message

  // Something that does not exist or may not be known: answers like an invisible thing.
  static Resource missing(std::string message);
  // A space as the actor stands there (visible and readable from social/visibility).
  static Resource of_space(const Space& space, const std::optional<Membership>& membership);
  // An item or reply the actor may read; `author` is its author; `space` the
  // item's space when it has one.
  static Resource of_content(const Actor& actor, MemberId author, const std::optional<Space>& space,
                             const std::optional<Membership>& membership);
};

// 401 when the action needs a signed-in member and there is none; 403 for a
// suspended member taking an action not open to them, a member without the
// instance role the action needs, or one without the standing the row asks
// (404 instead when the row says so, or the resource is not visible to them
// and no oversight standing of theirs reaches it: hosts and admins act on
// hidden content they moderate).
Status decide(const Actor& actor, Action action, const Resource& resource = {});
// The refusal for something that does not exist or may not be known:
// decide() over Resource::missing(message), so that a visitor hears 401 and
// a member 404, as for an invisible one.
Error refuse_missing(const Actor& actor, Action action, std::string message);
// decide(...).ok() without building a message: for `can` in responses.
bool allows(const Actor& actor, Action action, const Resource& resource = {});

// Moving an item's status along one transition of its kind (core/kinds.h):
// the kMoveItemStatus row (a signed-in member, not suspended, 403 when
// refused) with the standings the transition's `by` names instead of a
// standing of the row's own: author -> self, space_moderator -> space
// moderator, space_owner -> space owner, admin -> admin (which, as
// everywhere, holds only outside spaces and where the admin reads the
// space). No oversight reaches an item the actor may not read: that is 404
// (401 to a visitor), as for a missing one. decide() on kMoveItemStatus
// alone holds no transition's standing and so never allows. A transition
// with author_window_days grants the author standing only while
// item.in_status_for is at most that many days (403 saying the window
// closed, when the author holds nothing else).
Status decide_transition(const Actor& actor, const Resource& item, const StatusTransition& move);
bool allows_transition(const Actor& actor, const Resource& item, const StatusTransition& move);
// The same under a verb of its own whose row stands for the transition's
// standings (kReserveOffer and the other lending verbs): that row's
// instance role, suspension rule, block rule and refusal, with the
// standings `move.by` names.
Status decide_transition(const Actor& actor, Action verb, const Resource& item,
                         const StatusTransition& move);
bool allows_transition(const Actor& actor, Action verb, const Resource& item,
                       const StatusTransition& move);
// The statuses the actor may move an item of `kind` to from `from`, in the
// kind's transition order: each transition out of `from` that
// allows_transition() grants. Empty for a kind without workflow.
std::vector<std::string_view> allowed_status_moves(const Actor& actor, const Resource& item,
                                                   const ItemKindRule& kind, std::string_view from);

// The visibilities an item may have where it is posted: on a profile
// public, members or connections; in an open space public, members or
// space; in a closed or secret space only space (its content is for its
// members, so nothing there may be offered to others).
std::vector<ItemVisibility> allowed_visibilities(const std::optional<Space>& space);
// The visibility an item gets when none is asked for.
ItemVisibility default_visibility(const std::optional<Space>& space);
// 400 invalid_visibility, saying why, when `v` is not one of allowed_visibilities(space).
Status check_visibility(const std::optional<Space>& space, ItemVisibility v);

// The table as text, for `kring roles` and the README's roles section:
// one line per action, "| action | needs | while suspended | standing | refusal |".
std::string action_name(Action action);
std::vector<std::string> action_table_lines();

}  // namespace kring::social
