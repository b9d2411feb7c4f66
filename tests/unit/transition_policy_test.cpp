// Moving an item's status (Action::kMoveItemStatus): the policy reads the
// standings of the kind table's transition (core/kinds.h) as data. Rows:
// actor × where the item lives and how they stand there × transition →
// answer, as in policy_test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/kinds.h"
#include "social/policy.h"
#include "policy_actors.h"

namespace kring::social {
namespace {

using policy_testing::actor_for;
using policy_testing::Who;

// How the actor stands toward the item: its author or not, its space (none,
// open, closed, secret) and their role there. "Reads" means the service
// found the item readable; a closed or secret space's item is readable only
// to its active members, so an outsider there is kHidden.
enum class Stand {
  kAuthorOnProfile,
  kOtherOnProfile,
  kAuthorInOpen,
  kAuthorInClosed,
  kAuthorInSecret,
  kAuthorLeftOpen,   // wrote it in an open space, since left (still reads it)
  kHidden,           // may not read it: left a closed space, a hidden item, ...
  kHiddenModerator,  // moderator of its space who may not read it (hidden by another host)
  kOutsiderOpen,     // no membership in the item's open space
  kMemberOpen,
  kMemberClosed,
  kMemberSecret,
  kModeratorOpen,
  kModeratorClosed,
  kModeratorSecret,
  kOwnerClosed,
  kInvitedOpen,       // an invitation is no membership
  kOrganiserInOpen,   // a co-organiser of the item, active member of its open space
  kOrganiserLeftOpen, // a co-organiser who left the item's open space
  kHolderInOpen,      // holds the item's reservation, active member of its open space
};

Membership active(SpaceRole role) { return {role, MembershipState::kActive}; }

Resource in_space(SpaceVisibility v, std::optional<Membership> m, bool own) {
  Resource r;
  r.own = own;
  r.space = SpaceStanding{v, false, m};
  r.not_found = "no item 1";
  return r;
}

Resource resource_for(Stand stand) {
  using V = SpaceVisibility;
  using R = SpaceRole;
  Resource r;
  r.not_found = "no item 1";
  switch (stand) {
    case Stand::kAuthorOnProfile:
      r.own = true;
      return r;
    case Stand::kOtherOnProfile:
      return r;
    case Stand::kAuthorInOpen:
      return in_space(V::kOpen, active(R::kMember), true);
    case Stand::kAuthorInClosed:
      return in_space(V::kClosed, active(R::kMember), true);
    case Stand::kAuthorInSecret:
      return in_space(V::kSecret, active(R::kMember), true);
    case Stand::kAuthorLeftOpen:
      return in_space(V::kOpen, std::nullopt, true);
    case Stand::kHidden:
      return Resource::missing("no item 1");
    case Stand::kHiddenModerator: {
      Resource h = in_space(V::kClosed, active(R::kModerator), false);
      h.visible = false;
      return h;
    }
    case Stand::kOutsiderOpen:
      return in_space(V::kOpen, std::nullopt, false);
    case Stand::kMemberOpen:
      return in_space(V::kOpen, active(R::kMember), false);
    case Stand::kMemberClosed:
      return in_space(V::kClosed, active(R::kMember), false);
    case Stand::kMemberSecret:
      return in_space(V::kSecret, active(R::kMember), false);
    case Stand::kModeratorOpen:
      return in_space(V::kOpen, active(R::kModerator), false);
    case Stand::kModeratorClosed:
      return in_space(V::kClosed, active(R::kModerator), false);
    case Stand::kModeratorSecret:
      return in_space(V::kSecret, active(R::kModerator), false);
    case Stand::kOwnerClosed:
      return in_space(V::kClosed, active(R::kOwner), false);
    case Stand::kInvitedOpen:
      return in_space(V::kOpen, Membership{R::kModerator, MembershipState::kInvited}, false);
    case Stand::kOrganiserInOpen:
    case Stand::kOrganiserLeftOpen: {
      Resource o = in_space(V::kOpen,
                            stand == Stand::kOrganiserInOpen
                                ? std::optional<Membership>(active(R::kMember))
                                : std::nullopt,
                            false);
      o.organiser = true;
      return o;
    }
    case Stand::kHolderInOpen: {
      Resource h = in_space(V::kOpen, active(R::kMember), false);
      h.holder = true;
      return h;
    }
  }
  return r;
}

// Transitions: the question's own (asker, hosts, admin), and one per
// standing alone, so that each mapping of the kind table's standings to the
// policy's is pinned by itself.
const StatusTransition& question_answers() {
  return *find_item_kind("question")->transition("open", "answered");
}
const StatusTransition kByAuthor{"a", "b", {Standing::kAuthor}};
const StatusTransition kByModerators{"a", "b", {Standing::kSpaceModerator}};
const StatusTransition kByOwners{"a", "b", {Standing::kSpaceOwner}};
const StatusTransition kByAdmin{"a", "b", {Standing::kAdmin}};
const StatusTransition kByOrganisers{"a", "b", {Standing::kOrganiser}};
const StatusTransition kByParticipants{"a", "b", {Standing::kParticipant}};
const StatusTransition kByHolder{"a", "b", {Standing::kHolder}};
const StatusTransition kByKring{"a", "b", {Standing::kInstance}};

enum class Move {
  kAnswer,
  kAuthorOnly,
  kModeratorsOnly,
  kOwnersOnly,
  kAdminOnly,
  kOrganisersOnly,
  kParticipantsOnly,
  kHolderOnly,
  kKringOnly
};

const StatusTransition& transition_for(Move m) {
  switch (m) {
    case Move::kAnswer:
      return question_answers();
    case Move::kAuthorOnly:
      return kByAuthor;
    case Move::kModeratorsOnly:
      return kByModerators;
    case Move::kOwnersOnly:
      return kByOwners;
    case Move::kAdminOnly:
      return kByAdmin;
    case Move::kOrganisersOnly:
      return kByOrganisers;
    case Move::kParticipantsOnly:
      return kByParticipants;
    case Move::kHolderOnly:
      return kByHolder;
    case Move::kKringOnly:
      return kByKring;
  }
  return kByAuthor;
}

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
      ADD_FAILURE() << "decide_transition answered " << s.error().reason;
      return Answer::kAllowed;
  }
}

struct Row {
  Who who;
  Stand stand;
  Move move;
  Answer expected;
};

using enum Who;
using enum Stand;
using enum Move;
using enum Answer;

const Row kRows[] = {
    // A question: its asker, the space's moderators and owners, an admin.
    {kMember, kAuthorOnProfile, kAnswer, kAllowed},
    {kMember, kAuthorInOpen, kAnswer, kAllowed},
    {kMember, kAuthorInClosed, kAnswer, kAllowed},
    {kMember, kAuthorInSecret, kAnswer, kAllowed},
    {kMember, kAuthorLeftOpen, kAnswer, kAllowed},  // their own question, as for deleting it
    {kMember, kOtherOnProfile, kAnswer, k403},
    {kMember, kOutsiderOpen, kAnswer, k403},
    {kMember, kMemberOpen, kAnswer, k403},
    {kMember, kMemberClosed, kAnswer, k403},
    {kMember, kMemberSecret, kAnswer, k403},
    {kMember, kInvitedOpen, kAnswer, k403},  // an invited moderator is no moderator yet
    {kMember, kModeratorOpen, kAnswer, kAllowed},
    {kMember, kModeratorClosed, kAnswer, kAllowed},
    {kMember, kModeratorSecret, kAnswer, kAllowed},
    {kMember, kOwnerClosed, kAnswer, kAllowed},
    {kAdmin, kOtherOnProfile, kAnswer, kAllowed},
    {kAdmin, kOutsiderOpen, kAnswer, kAllowed},  // an admin reads an open space
    {kAdmin, kMemberClosed, kAnswer, kAllowed},  // ... and one they are active in
    // What the actor may not read is 404 whatever their standing: hosts'
    // oversight does not reach a status move.
    {kMember, kHidden, kAnswer, k404},
    {kAdmin, kHidden, kAnswer, k404},
    {kMember, kHiddenModerator, kAnswer, k404},
    {kVisitor, kHidden, kAnswer, k401},
    {kVisitor, kOtherOnProfile, kAnswer, k401},
    // Suspended means read-only, whatever the standing.
    {kSuspendedMember, kAuthorOnProfile, kAnswer, k403},
    {kSuspendedMember, kAuthorInClosed, kAnswer, k403},
    {kSuspendedMember, kModeratorClosed, kAnswer, k403},
    {kSuspendedMember, kOwnerClosed, kAnswer, k403},
    {kSuspendedAdmin, kOtherOnProfile, kAnswer, k403},
    {kSuspendedAdmin, kHidden, kAnswer, k403},  // refused alike for every item, seen or not
    // Each standing of the kind table on its own.
    {kMember, kAuthorInClosed, kAuthorOnly, kAllowed},
    {kMember, kModeratorClosed, kAuthorOnly, k403},
    {kAdmin, kOtherOnProfile, kAuthorOnly, k403},
    {kMember, kModeratorClosed, kModeratorsOnly, kAllowed},
    {kMember, kOwnerClosed, kModeratorsOnly, kAllowed},  // an owner may what a moderator may
    {kMember, kAuthorInClosed, kModeratorsOnly, k403},
    {kAdmin, kOtherOnProfile, kModeratorsOnly, k403},
    {kMember, kOwnerClosed, kOwnersOnly, kAllowed},
    {kMember, kModeratorClosed, kOwnersOnly, k403},
    {kMember, kModeratorSecret, kOwnersOnly, k403},
    {kAdmin, kOtherOnProfile, kAdminOnly, kAllowed},
    {kAdmin, kOutsiderOpen, kAdminOnly, kAllowed},
    {kMember, kModeratorOpen, kAdminOnly, k403},
    {kMember, kAuthorOnProfile, kAdminOnly, k403},
    {kSuspendedAdmin, kOtherOnProfile, kAdminOnly, k403},
    // Organisers: the author and the co-organisers, not the space's hosts.
    {kMember, kAuthorInOpen, kOrganisersOnly, kAllowed},
    {kMember, kOrganiserInOpen, kOrganisersOnly, kAllowed},
    {kMember, kModeratorOpen, kOrganisersOnly, k403},
    {kMember, kMemberOpen, kOrganisersOnly, k403},
    {kSuspendedMember, kOrganiserInOpen, kOrganisersOnly, k403},
    // Taking part: another member who writes where the item is.
    {kMember, kMemberOpen, kParticipantsOnly, kAllowed},
    {kMember, kMemberClosed, kParticipantsOnly, kAllowed},
    {kMember, kOtherOnProfile, kParticipantsOnly, kAllowed},
    {kMember, kAuthorInOpen, kParticipantsOnly, k403},
    {kMember, kAuthorOnProfile, kParticipantsOnly, k403},
    {kMember, kOutsiderOpen, kParticipantsOnly, k403},  // reads the open space, is not in it
    {kMember, kOrganiserLeftOpen, kParticipantsOnly, k403},
    {kSuspendedMember, kMemberOpen, kParticipantsOnly, k403},
    // The holder of a reservation, and nobody else.
    {kMember, kHolderInOpen, kHolderOnly, kAllowed},
    {kMember, kMemberOpen, kHolderOnly, k403},
    {kMember, kAuthorInOpen, kHolderOnly, k403},
    // What only kring makes (a deadline, an expiry) nobody may ask for.
    {kMember, kAuthorInOpen, kKringOnly, k403},
    {kMember, kModeratorOpen, kKringOnly, k403},
    {kMember, kOwnerClosed, kKringOnly, k403},
    {kAdmin, kOtherOnProfile, kKringOnly, k403},
};

std::string describe(const Row& row) {
  return "who " + std::to_string(static_cast<int>(row.who)) + ", stand " +
         std::to_string(static_cast<int>(row.stand)) + ", move " +
         std::to_string(static_cast<int>(row.move));
}

TEST(TransitionPolicy, EveryRowOfTheTransitionTableHolds) {
  for (const Row& row : kRows) {
    const Actor actor = actor_for(row.who);
    const Resource item = resource_for(row.stand);
    const StatusTransition& move = transition_for(row.move);
    Status status = decide_transition(actor, item, move);
    EXPECT_EQ(answer(status), row.expected) << describe(row);
    EXPECT_EQ(allows_transition(actor, item, move), status.ok()) << describe(row);
    if (!status.ok()) {
      EXPECT_FALSE(status.error().message.empty()) << describe(row);
    }
  }
}

TEST(TransitionPolicy, ARefusalForLackOfStandingSaysWhoMayMakeTheMove) {
  Status status =
      decide_transition(actor_for(kMember), resource_for(kMemberOpen), question_answers());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "only its author, the space's moderators or an admin may move it to 'answered'");
}

TEST(TransitionPolicy, TheRowAloneHoldsNoTransitionsStandingAndNeverAllows) {
  for (Who who : {kMember, kAdmin}) {
    for (Stand stand : {kAuthorOnProfile, kModeratorClosed, kOwnerClosed, kOtherOnProfile}) {
      EXPECT_FALSE(allows(actor_for(who), Action::kMoveItemStatus, resource_for(stand)));
      EXPECT_EQ(answer(decide(actor_for(who), Action::kMoveItemStatus, resource_for(stand))), k403);
    }
  }
}

TEST(TransitionPolicy, AllowedMovesAreTheTransitionsOutOfTheStatusTheActorMayMake) {
  const ItemKindRule& question = *find_item_kind("question");
  using Names = std::vector<std::string_view>;
  EXPECT_EQ(
      allowed_status_moves(actor_for(kMember), resource_for(kAuthorInClosed), question, "open"),
      Names{"answered"});
  EXPECT_EQ(
      allowed_status_moves(actor_for(kMember), resource_for(kAuthorInClosed), question, "answered"),
      Names{"open"});
  EXPECT_EQ(allowed_status_moves(actor_for(kMember), resource_for(kMemberClosed), question, "open"),
            Names{});
  EXPECT_EQ(allowed_status_moves(actor_for(kSuspendedMember), resource_for(kAuthorInClosed),
                                 question, "open"),
            Names{});
  EXPECT_EQ(allowed_status_moves(actor_for(kMember), resource_for(kAuthorInClosed), question,
                                 "no such status"),
            Names{});
  EXPECT_EQ(allowed_status_moves(actor_for(kAdmin), resource_for(kOtherOnProfile),
                                 *find_item_kind("note"), ""),
            Names{});
}

// Every transition of every kind, for every actor and standing: the list
// can.move_status shows is exactly the transitions decide_transition allows.
TEST(TransitionPolicy, AllowedMovesAgreeWithDecideForEveryTransitionOfEveryKind) {
  int allowed = 0;
  for (const ItemKindRule& kind : item_kinds()) {
    for (std::string_view from : kind.statuses) {
      for (Who who : {kVisitor, kMember, kAdmin, kSuspendedMember, kSuspendedAdmin}) {
        for (int s = 0; s <= static_cast<int>(kHolderInOpen); ++s) {
          const Resource item = resource_for(static_cast<Stand>(s));
          const auto moves = allowed_status_moves(actor_for(who), item, kind, from);
          for (const auto& t : kind.transitions) {
            if (t.from != from) continue;
            const bool listed = std::find(moves.begin(), moves.end(), t.to) != moves.end();
            EXPECT_EQ(listed, decide_transition(actor_for(who), item, t).ok())
                << kind.kind << " " << t.from << "->" << t.to << " stand " << s;
            allowed += listed;
          }
        }
      }
    }
  }
  EXPECT_GT(allowed, 10);
}

// The reporter's reopening of a solved report holds for author_window_days
// after it became solved, measured by what the service found
// (Resource::in_status_for); its hosts may at any time, and an unknown age
// closes the window.
TEST(TransitionPolicy, TheAuthorsWindowClosesAfterItsDaysAndLeavesTheHosts) {
  const StatusTransition& reopen = *find_item_kind("report")->transition("solved", "in_progress");
  ASSERT_EQ(reopen.author_window_days, 30);
  const Micros day = Micros{86400} * 1000 * 1000;
  Resource reporter = resource_for(kAuthorInOpen);
  Resource host = resource_for(kModeratorOpen);

  reporter.in_status_for = 30 * day;
  EXPECT_TRUE(decide_transition(actor_for(kMember), reporter, reopen).ok());
  reporter.in_status_for = 30 * day + 1;
  Status closed = decide_transition(actor_for(kMember), reporter, reopen);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(answer(closed), k403);
  EXPECT_EQ(closed.error().message,
            "its author's window to move it to 'in_progress' closed 30 days after it became "
            "'solved'; only the space's moderators or an admin may now");
  EXPECT_FALSE(allows_transition(actor_for(kMember), reporter, reopen));
  EXPECT_TRUE(allowed_status_moves(actor_for(kMember), reporter, *find_item_kind("report"),
                                   "solved")
                  .empty());
  reporter.in_status_for.reset();
  EXPECT_FALSE(allows_transition(actor_for(kMember), reporter, reopen));

  for (std::optional<Micros> age : {std::optional<Micros>(), std::optional<Micros>(400 * day)}) {
    host.in_status_for = age;
    EXPECT_TRUE(decide_transition(actor_for(kMember), host, reopen).ok());
  }
  // A transition without a window does not look at the age.
  Resource asker = resource_for(kAuthorInOpen);
  EXPECT_TRUE(decide_transition(actor_for(kMember), asker, question_answers()).ok());
}

}  // namespace
}  // namespace kring::social
