// The lending verbs (social/lending.h) against the kind table: each is a
// transition every kind that takes loans has, the plain status endpoint's
// moves are the rest, and the verbs' rows answer the standings the table
// names (the holder cancels, only the author lends, nobody reserves their own).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "core/kinds.h"
#include "social/lending.h"
#include "social/policy.h"

namespace kring::social {
namespace {

Actor member(MemberId id) {
  Actor a;
  a.id = id;
  return a;
}

Item offer(std::string status) {
  Item item;
  item.kind = "offer";
  item.status = std::move(status);
  item.offer_mode = "lend";
  return item;
}

TEST(LendingMoves, EachVerbIsATransitionOfEveryKindThatTakesLoans) {
  int kinds = 0;
  for (const auto& kind : item_kinds()) {
    if (!kind.takes(ItemField::kOfferMode)) continue;
    ++kinds;
    for (const auto& move : loan_moves()) {
      EXPECT_NE(kind.transition(move.from, move.to), nullptr)
          << kind.kind << ": " << move.from << " -> " << move.to;
    }
  }
  EXPECT_GE(kinds, 1);
}

TEST(LendingMoves, OnlyTheMovesCarryingALoanAreTheVerbs) {
  const ItemKindRule* kind = find_item_kind("offer");
  ASSERT_NE(kind, nullptr);
  std::set<std::pair<std::string, std::string>> verbs;
  for (const auto& t : kind->transitions) {
    if (loan_move(offer(std::string(t.from)), t.from, t.to)) verbs.emplace(t.from, t.to);
  }
  const std::set<std::pair<std::string, std::string>> expected = {{"available", "reserved"},
                                                                  {"reserved", "available"},
                                                                  {"reserved", "lent"},
                                                                  {"reserved", "given"},
                                                                  {"lent", "returned"}};
  EXPECT_EQ(verbs, expected);
  Item note;
  note.kind = "note";
  EXPECT_EQ(loan_move(note, "available", "reserved"), nullptr);
}

TEST(LendingMoves, TheVerbsRowsAnswerTheTablesStandings) {
  const ItemKindRule* kind = find_item_kind("offer");
  ASSERT_NE(kind, nullptr);
  const auto& reserve = *kind->transition("available", "reserved");
  const auto& cancel = *kind->transition("reserved", "available");
  const auto& lend = *kind->transition("reserved", "lent");
  Resource own;
  own.own = true;
  Resource other;
  Resource holder;
  holder.holder = true;
  EXPECT_FALSE(allows_transition(member(1), Action::kReserveOffer, own, reserve));
  EXPECT_TRUE(allows_transition(member(2), Action::kReserveOffer, other, reserve));
  EXPECT_TRUE(allows_transition(member(2), Action::kCancelReservation, holder, cancel));
  EXPECT_TRUE(allows_transition(member(1), Action::kCancelReservation, own, cancel));
  EXPECT_FALSE(allows_transition(member(3), Action::kCancelReservation, other, cancel));
  EXPECT_TRUE(allows_transition(member(1), Action::kLendOffer, own, lend));
  EXPECT_FALSE(allows_transition(member(2), Action::kLendOffer, holder, lend));
  Actor suspended = member(2);
  suspended.suspended = true;
  EXPECT_EQ(decide_transition(suspended, Action::kReserveOffer, other, reserve).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(decide_transition(Actor{}, Action::kReserveOffer, other, reserve).error().code,
            ErrorCode::kUnauthenticated);
  Resource blocked;
  blocked.blocked = true;
  EXPECT_EQ(decide_transition(member(2), Action::kReserveOffer, blocked, reserve).error().code,
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kring::social
