#pragma once
// Items and replies as one viewer sees them: with their author, their
// space, reaction counts, votes and how many network communities the votes
// come from (instance_communities.h), and followers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "social/can.h"
#include "social/loan_view.h"
#include "social/initiative_progress.h"
#include "social/member_view.h"
#include "social/support_diversity.h"
#include "store/database.h"
#include "store/item_follow_repository.h"
#include "store/reaction_repository.h"
#include "store/rsvp_repository.h"
#include "store/vote_repository.h"

namespace kring::social {

struct SpaceRef {
  std::string slug;
  std::string name;
};

// The status at which an item of a kind that has it (a report) points at
// its original (store/duplicate_repository.h).
inline constexpr std::string_view kDuplicateStatus = "duplicate";
// At most this many of an original's duplicates are listed with it.
inline constexpr int kDuplicatesListed = 50;

struct ItemView {
  Item item;
  MemberView author;
  std::optional<SpaceRef> space;
  store::ReactionSummary reactions;
  store::VoteSummary votes;  // none on a kind that takes no votes
  // On a kind that takes votes: the distinct network communities among the
  // voters counted in votes.count.
  std::optional<std::int64_t> communities;
  store::FollowSummary follows;  // social/item_follows
  // On a kind with a duplicate status: the original it duplicates and the
  // duplicates of it, as far as the viewer may read them.
  std::optional<ItemId> duplicate_of;
  std::vector<ItemId> duplicates;
  // On a kind that takes loans (an offer): its open loan, if any (social/loan_view.h).
  std::optional<LoanView> loan;
  // On a kind that takes RSVPs (an event): its places and the viewer's answer.
  std::optional<store::RsvpSummary> rsvp;
  // On a kind with goals (an initiative): each goal's target, pledged and
  // confirmed (social/initiative_progress.h).
  std::vector<GoalProgress> progress;
  // On a kind with organisers (social/organisers.h): the co-organisers
  // besides the author, in the order they were added; nullopt elsewhere.
  std::optional<std::vector<MemberView>> organisers;
  std::optional<Can> can;    // social/capabilities
};

struct ReplyView {
  Reply reply;
  std::optional<MemberView> author;  // empty when removed
  store::ReactionSummary reactions;
  std::optional<Can> can;  // social/capabilities
};

// REQUIRES: the viewer may read the item (the caller checked).
ItemView view_item(store::Connection& conn, MemberId viewer, Item item);
// As above, with the item's space already known: feeds read slug and name
// with the item, and the lookup above also counts the space's members
// (0.5 ms an item in a space of 1,659 members; bench/store).
ItemView view_item(store::Connection& conn, MemberId viewer, Item item,
                   std::optional<SpaceRef> space);
// As view_item(conn, viewer, item), with the voters' communities already
// counted (support_of_items, once for a whole page): `support` is the
// item's entry there, or null when it has no voters.
ItemView view_counted_item(store::Connection& conn, MemberId viewer, Item item,
                           const Support* support);
ReplyView view_reply(store::Connection& conn, MemberId viewer, Reply reply);

}  // namespace kring::social
