#pragma once
// The ledger: what members give to requests and initiatives (the kinds
// whose row takes contributions, core/kinds.h), in time (hours),
// knowledge, items, money (cents) or support. A contribution goes from its
// giver to the item's author, its receiver:
//
//   pledged -> delivered (the giver) -> confirmed | declined (an organiser:
//   the item's author or a co-organiser, never the giver; from pledged or
//   delivered); withdrawn (the giver, before it is decided); void (kring,
//   when an initiative missed its minimum by its deadline).
//
// Each move is its own action of the policy (kPledge,
// kDeliverContribution, kConfirmContribution, kDeclineContribution,
// kWithdrawContribution). An initiative with a `deadline` and a `minimum`
// holds its pledges open until the deadline: settle_due() then moves it
// underway when every goal has at least minimum% of its target pledged,
// else failed (its open pledges void), and tells every pledger either way.
// Without a minimum, pledges bind at once and nothing waits.
//
// Thread-safe: every call leases its own connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "core/time.h"
#include "social/actor.h"
#include "social/can.h"
#include "social/member_view.h"
#include "social/notification_hub.h"
#include "store/contribution_repository.h"
#include "store/database.h"

namespace kring::social {

// A pledge's note is plain text, a sentence or a few.
inline constexpr std::size_t kContributionNoteMax = 1000;

struct NewContribution {
  std::string kind;
  std::optional<std::int64_t> amount;  // none: 1, for knowledge and support only
  std::optional<std::string> note;
  std::optional<std::int64_t> goal;  // index into the initiative's goals
};

enum class ContributionMove { kDeliver, kConfirm, kDecline, kWithdraw };

// The item a contribution is on, as far as a listing names it.
struct ContributionItem {
  ItemId id = 0;
  std::string kind;
  std::string title;
};

struct ContributionView {
  store::Contribution row;
  ContributionItem item;
  std::optional<MemberView> giver;
  std::optional<MemberView> receiver;
  // deliver, confirm, decline, withdraw: what the viewer may do with it now.
  Can can;
};

// A page of a listing and the sums of every row of that listing (all its
// pages), per kind and status: each sum is exactly the sum of the amounts
// of the rows listed with that kind and status.
struct ContributionPage {
  Page<ContributionView> page;
  std::vector<store::ContributionTotal> totals;
};

enum class ContributionRole { kAny, kGiven, kReceived };

// A member's time bank in hours: confirmed time given and received, and
// the balance (given - received); open: pledged or delivered, not yet
// confirmed.
struct TimeBalance {
  std::int64_t given_hours = 0;
  std::int64_t received_hours = 0;
  std::int64_t balance = 0;
  std::int64_t open_given_hours = 0;
  std::int64_t open_received_hours = 0;
};

class Contributions {
 public:
  Contributions(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Pledges a contribution to the item's author. In order: 404 (401 to a
  // visitor) unless the actor may read the item, or a block stands between
  // the actor and its author; the policy's 403 (one's
  // own item, suspended, not an active member of the item's space, an
  // archived space); 409 no_contributions for a kind that takes none; 409
  // item_closed at a closed status of its kind; 400 invalid_kind; 400
  // invalid_amount unless 0 < amount <= max_amount(kind) (knowledge and
  // support: 1, the default); 400 invalid_text/too long for the note; on an
  // initiative 400 no_such_goal for a goal index out of range, or a kind
  // that no goal counts (knowledge and support count without one),
  // wrong_goal_kind for a goal of another kind, ambiguous_goal when several
  // goals count the kind and none is named; on a request 400 no_such_goal
  // for any goal. Tells the receiver.
  Result<ContributionView> pledge(const Actor& actor, ItemId item, const NewContribution& in);

  // One move of a contribution. In order: 404 (401 to a visitor) when the
  // contribution does not exist or the actor may not read its item; the
  // policy's 403 for the wrong member (a giver confirming their own, an
  // organiser delivering, anyone else); 400 for the note (confirm and
  // decline keep it); 409 invalid_transition when its status has no such
  // move (a decided, withdrawn or void one; delivering a delivered one).
  // Confirming and declining tell the giver. Concurrent moves of one
  // contribution are serialised: exactly one of them moves it.
  Result<ContributionView> move(const Actor& actor, std::int64_t id, ContributionMove move,
                                const std::optional<std::string>& note);

  // The listings, newest first, keyset-paged, with their totals: only
  // contributions on items the viewer may read. 404 (401 to a visitor)
  // when the item, member or space is not there for the viewer.
  Result<ContributionPage> for_item(const Actor& viewer, ItemId item, const PageRequest& request);
  Result<ContributionPage> for_member(const Actor& viewer, const std::string& handle,
                                      ContributionRole role, const PageRequest& request);
  Result<ContributionPage> for_space(const Actor& viewer, const std::string& slug,
                                     const PageRequest& request);

  // The member's time bank: 403 unless the viewer is that member
  // (suspended members still see theirs); 404 for an unknown handle.
  Result<TimeBalance> time_balance(const Actor& viewer, const std::string& handle);

  // The deadline sweep: settles every open initiative with a minimum whose
  // deadline is at or before `now` (see the top of this file). The move is
  // recorded in the status history under the initiative's author (a status
  // change always has a member as actor), with a note saying why; the
  // pledgers are told by the author. Returns how many were settled.
  int settle_due(Micros now);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
