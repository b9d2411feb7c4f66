#include "social/audiences.h"

#include <stdexcept>
#include <utility>

namespace kring::social {

namespace {

using A = Audience;
using K = NotificationKind;

constexpr std::array kReplyAudience = {A::kItemAuthor, A::kParentAuthor};
constexpr std::array kMentionAudience = {A::kMentioned};
constexpr std::array kReactionAudience = {A::kReactedAuthor};
constexpr std::array kNamedMemberAudience = {A::kNamedMember};
constexpr std::array kHostsAudience = {A::kSpaceHosts};
constexpr std::array kAuthorAudience = {A::kItemAuthor};
constexpr std::array kLoanPartiesAudience = {A::kItemAuthor, A::kNamedMember};
constexpr std::array kGoingAudience = {A::kEventGoing};
constexpr std::array kTakingPartAudience = {A::kItemAuthor, A::kItemRepliers, A::kItemFollowers,
                                            A::kItemVoters};

// The table. Replies tell the item's author and whoever was answered, not
// every earlier replier: there is no way yet to leave a thread, so on a busy
// item each new reply would notify everyone who ever replied. A status
// change does tell every replier, follower and voter: it is rare (a
// question answered, an idea accepted) and it is what those who took part,
// or asked to hear (following it instead of posting it again), wait for.
const std::array<AudienceRule, 25> kTable = {{
    {K::kReply, Subject::kItem, kReplyAudience, false, "someone replies on an item"},
    {K::kMention, Subject::kItem, kMentionAudience, true,
     "an item or reply names members with `@handle`"},
    {K::kReaction, Subject::kItem, kReactionAudience, false, "someone reacts to an item or reply"},
    {K::kFollow, Subject::kMember, kNamedMemberAudience, false, "someone follows a member"},
    {K::kConnectionRequest, Subject::kMember, kNamedMemberAudience, false,
     "someone asks a member to connect"},
    {K::kConnectionAccepted, Subject::kMember, kNamedMemberAudience, false,
     "a member's connection request is accepted"},
    {K::kJoinRequest, Subject::kSpace, kHostsAudience, false,
     "someone asks to join a closed space"},
    {K::kInvitation, Subject::kSpace, kNamedMemberAudience, false,
     "someone invites a member to a space"},
    {K::kStatusChanged, Subject::kItem, kTakingPartAudience, false,
     "someone moves an item's status (a question marked answered)"},
    {K::kFixedCheck, Subject::kItem, kAuthorAudience, false,
     "some days after an item reached its kind's asking status, its author is asked whether "
     "it is done (a week after a report is solved: is it fixed?), from whoever moved it"},
    // Lending: the event names the member holding the offer (kNamedMember).
    {K::kOfferReserved, Subject::kItem, kAuthorAudience, false, "someone reserves an offer"},
    {K::kReservationCancelled, Subject::kItem, kLoanPartiesAudience, false,
     "the author of an offer or the member holding it cancels the reservation: the other hears"},
    {K::kOfferHandedOver, Subject::kItem, kNamedMemberAudience, false,
     "the author of an offer lends or gives it to the member holding it"},
    {K::kLoanReturned, Subject::kItem, kNamedMemberAudience, false,
     "the lender confirms the return of what they lent"},
    {K::kLoanOverdue, Subject::kItem, kNamedMemberAudience, false,
     "a loan is past its due date: the borrower is reminded once, from the lender"},
    {K::kLoanOverdueLender, Subject::kItem, kAuthorAudience, false,
     "a loan is past its due date: the lender hears it once, from the borrower"},
    {K::kOfferExpiring, Subject::kItem, kAuthorAudience, false,
     "an available offer expires within a day: kring tells its author (from themself)"},
    {K::kRsvpPromoted, Subject::kItem, kNamedMemberAudience, false,
     "a place at an event comes free (a cancellation, fewer guests, a larger capacity) and a "
     "waiting member moves up to going, from whoever freed it"},
    {K::kEventCancelled, Subject::kItem, kGoingAudience, false,
     "an event's organisers call it off"},
    {K::kContributionPledged, Subject::kItem, kAuthorAudience, false,
     "someone pledges a contribution to an item (a request, an initiative)"},
    {K::kContributionConfirmed, Subject::kItem, kNamedMemberAudience, false,
     "an item's organiser confirms a member's contribution"},
    {K::kContributionDeclined, Subject::kItem, kNamedMemberAudience, false,
     "an item's organiser declines a member's contribution"},
    {K::kInitiativeMinimumReached, Subject::kItem, kNamedMemberAudience, false,
     "an initiative reached its minimum by its deadline, so its pledges bind (each pledger, "
     "from the initiative's author)"},
    {K::kInitiativeMinimumMissed, Subject::kItem, kNamedMemberAudience, false,
     "an initiative missed its minimum by its deadline and failed, so its open pledges are "
     "void (each pledger, from the initiative's author)"},
    {K::kMatchFound, Subject::kItem, kNamedMemberAudience, false,
     "a request or offer is posted or its skills change, and strongly matches (social/"
     "match_scoring.h): the author of each fitting offer or request hears of it and its author "
     "of them; for a request, the few best members with a skill who are near or within two ties "
     "hear of it; each of an item once"},
}};

constexpr std::array<std::pair<Audience, std::string_view>, 10> kWho = {{
    {A::kMentioned, "the members named (active accounts)"},
    {A::kItemAuthor, "the item's author"},
    {A::kParentAuthor, "the author of the reply answered (unless it was deleted)"},
    {A::kReactedAuthor, "the author of the item or reply reacted to"},
    {A::kNamedMember, "that member"},
    {A::kSpaceHosts, "the space's owners and moderators (not suspended ones)"},
    {A::kItemRepliers, "everyone who replied to the item (deleted replies left out)"},
    {A::kItemFollowers, "everyone following the item (not suspended ones)"},
    {A::kItemVoters, "everyone who voted on the item (not suspended ones)"},
    {A::kEventGoing, "everyone going to the event"},
}};

constexpr std::array<std::pair<Subject, std::string_view>, 3> kSees = {{
    {Subject::kItem, "the item"},
    {Subject::kSpace, "the space"},
    {Subject::kMember, "the actor"},
}};

constexpr std::array<std::string_view, 6> kRules = {
    "never the actor themself, except in what kring says on its own about a member's item "
    "(an offer about to expire or expired), where the author is named as the actor;",
    "never across a block: not a member who blocked the actor, nor one the actor blocked;",
    "never a member who muted the actor, or muted the space the item is in or the request or "
    "invitation is about;",
    "never a member who may not see what it is about: the item (the items' read rule) or the "
    "space (a secret space exists only for its members and invitees);",
    "each member at most once per event, by the first audience that names them (a reply that "
    "@mentions the item's author tells them of the reply only);",
    "mentions past the sender's `mentions_per_member` budget (see [Limits](#limits)) tell "
    "nobody.",
};

template <typename Key, std::size_t N>
std::string_view lookup(const std::array<std::pair<Key, std::string_view>, N>& table, Key key) {
  for (const auto& [k, text] : table) {
    if (k == key) return text;
  }
  return {};
}

}  // namespace

std::span<const AudienceRule> audience_table() { return kTable; }

const AudienceRule& audience_rule(NotificationKind kind) {
  for (const auto& rule : kTable) {
    if (rule.kind == kind) return rule;
  }
  throw std::logic_error("no audience for notification kind " +
                         std::to_string(static_cast<int>(kind)));
}

std::span<const std::string_view> audience_rules() { return kRules; }

std::string audience_table_markdown() {
  std::string out =
      "| notification | when | who is told | told only if they may see |\n"
      "|---|---|---|---|\n";
  for (const auto& rule : kTable) {
    std::string told;
    for (Audience a : rule.audiences)
      told += (told.empty() ? "" : "; ") + std::string(lookup(kWho, a));
    out += "| `" + std::string(to_name(rule.kind)) + "` | " + std::string(rule.when) + " | " +
           told + " | " + std::string(lookup(kSees, rule.subject)) + " |\n";
  }
  out += "\nEvery audience obeys the same rules:\n\n";
  for (auto rule : kRules) out += "- " + std::string(rule) + "\n";
  return out;
}

}  // namespace kring::social
