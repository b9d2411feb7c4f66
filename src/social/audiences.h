#pragma once
// The audience table: per notification kind, who is told and what they must
// be able to see to be told. One row per kind; the Notifier
// (social/notifier.h) is the only reader, so a new kind is a new row and an
// audience changes in one place. The rules every audience obeys (never the
// actor, never across a block, ...) are listed by audience_rules() and
// applied by the Notifier to every recipient of every row.
//
// README.md's "Notifications" section is audience_table_markdown(),
// compared by tests/unit/audiences_test.cpp.

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "core/enum_names.h"

namespace kring::social {

enum class NotificationKind {
  kReply,
  kMention,
  kReaction,
  kFollow,
  kConnectionRequest,
  kConnectionAccepted,
  kJoinRequest,
  kInvitation,
  kStatusChanged,
  kFixedCheck,
  // lending (social/lending, social/loan_sweeps)
  kOfferReserved,
  kReservationCancelled,
  kOfferHandedOver,
  kLoanReturned,
  kLoanOverdue,
  kLoanOverdueLender,
  kOfferExpiring,
  kRsvpPromoted,    // social/events: a place came free for a waiting member
  kEventCancelled,  // social/item_status: an event called off, to those going
  // the ledger (social/contributions)
  kContributionPledged,       // to the item's author, of a new pledge
  kContributionConfirmed,     // to the giver
  kContributionDeclined,      // to the giver
  kInitiativeMinimumReached,  // to each pledger, at the deadline: their pledges bind
  kInitiativeMinimumMissed,   // to each pledger, at the deadline: their pledges are void
  kMatchFound,
};

// Who, relative to an event, may be told. Each is one recipient query in
// store/audience_repository.h.
enum class Audience {
  kMentioned,      // active members the event's text names with @handle
  kItemAuthor,     // the author of the item the event is about
  kParentAuthor,   // the author of the reply answered, unless that reply was deleted
  kReactedAuthor,  // the author of what was reacted to: the reply if any, else the item
  kNamedMember,    // the member the event names: followed, asked, accepted, invited
  kSpaceHosts,     // the space's active owners and moderators who are not suspended
  kItemRepliers,   // the authors of the item's replies, deleted ones left out
  kItemFollowers,  // the members following the item who are not suspended
  kItemVoters,     // the members who voted on the item who are not suspended
  kEventGoing,     // the members going to the event (rsvps)
};

// What a recipient must be able to see to be told, and so which id an
// event of the kind must carry.
enum class Subject {
  kItem,    // the item, by the items' read rule (store/item_visibility_sql.h)
  kSpace,   // the space's existence, by may_see_space's SQL twin
  kMember,  // nothing beyond the actor: the event names the member told
};

struct AudienceRule {
  NotificationKind kind;
  Subject subject;
  // Told in this order; a member in two audiences is told once.
  std::span<const Audience> audiences;
  // Each recipient spends one of the actor's mentions_per_member
  // (rate_limits.h); past it the kind tells nobody more.
  bool spends_mention_budget;
  // What happened, as the README says it.
  std::string_view when;
};

// Every kind's row, in NotificationKind order.
std::span<const AudienceRule> audience_table();
const AudienceRule& audience_rule(NotificationKind kind);

// The rules every audience obeys, one sentence each, as the README states them.
std::span<const std::string_view> audience_rules();

// README.md's "Notifications" table and rules, in Markdown.
std::string audience_table_markdown();

}  // namespace kring::social

namespace kring {

// Stored in notifications.kind and sent to clients as "kind".
template <>
struct EnumNames<social::NotificationKind> {
  using K = social::NotificationKind;
  static constexpr std::array<EnumName<K>, 25> kTable = {{
      {K::kReply, "reply"},
      {K::kMention, "mention"},
      {K::kReaction, "reaction"},
      {K::kFollow, "follow"},
      {K::kConnectionRequest, "connection_request"},
      {K::kConnectionAccepted, "connection_accepted"},
      {K::kJoinRequest, "join_request"},
      {K::kInvitation, "invitation"},
      {K::kStatusChanged, "status_changed"},
      {K::kFixedCheck, "fixed_check"},
      {K::kOfferReserved, "offer_reserved"},
      {K::kReservationCancelled, "reservation_cancelled"},
      {K::kOfferHandedOver, "offer_handed_over"},
      {K::kLoanReturned, "loan_returned"},
      {K::kLoanOverdue, "loan_overdue"},
      {K::kLoanOverdueLender, "loan_overdue_lender"},
      {K::kOfferExpiring, "offer_expiring"},
      {K::kRsvpPromoted, "rsvp_promoted"},
      {K::kEventCancelled, "event_cancelled"},
      {K::kContributionPledged, "contribution_pledged"},
      {K::kContributionConfirmed, "contribution_confirmed"},
      {K::kContributionDeclined, "contribution_declined"},
      {K::kInitiativeMinimumReached, "initiative_minimum_reached"},
      {K::kInitiativeMinimumMissed, "initiative_minimum_missed"},
      {K::kMatchFound, "match_found"},
  }};
};

}  // namespace kring
