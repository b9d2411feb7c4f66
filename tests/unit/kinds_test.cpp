#include "core/kinds.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kring {
namespace {

TEST(Kinds, FindsEveryKindByItsExactName) {
  for (const auto& rule : item_kinds()) {
    EXPECT_EQ(find_item_kind(rule.kind), &rule) << rule.kind;
  }
  EXPECT_EQ(find_item_kind("poem"), nullptr);
  EXPECT_EQ(find_item_kind("Note"), nullptr);
  EXPECT_EQ(find_item_kind(""), nullptr);
}

TEST(Kinds, TheKindsAreTheContentKindsThenTheExchangeKindsWithNoteFirst) {
  std::vector<std::string> names;
  for (const auto& rule : item_kinds()) names.emplace_back(rule.kind);
  EXPECT_EQ(names, (std::vector<std::string>{"note", "article", "question", "idea", "report",
                                             "request", "offer", "initiative", "event"}));
}

TEST(Kinds, EveryWorkflowStartsAtOneOfItsStatusesAndMovesOnlyBetweenThem) {
  for (const auto& rule : item_kinds()) {
    SCOPED_TRACE(std::string(rule.kind));
    if (rule.statuses.empty()) {
      EXPECT_TRUE(rule.initial_status.empty());
      EXPECT_TRUE(rule.transitions.empty());
      continue;
    }
    EXPECT_TRUE(rule.has_status(rule.initial_status));
    std::set<std::string_view> distinct(rule.statuses.begin(), rule.statuses.end());
    EXPECT_EQ(distinct.size(), rule.statuses.size());
    for (const auto& t : rule.transitions) {
      EXPECT_TRUE(rule.has_status(t.from)) << t.from;
      EXPECT_TRUE(rule.has_status(t.to)) << t.to;
      EXPECT_FALSE(t.by.empty()) << t.from << " -> " << t.to;
    }
  }
}

TEST(Kinds, ArticleNeedsATitleQuestionMayHaveOneNoteTakesNone) {
  const ItemKindRule* article = find_item_kind("article");
  const ItemKindRule* question = find_item_kind("question");
  const ItemKindRule* note = find_item_kind("note");
  ASSERT_TRUE(article && question && note);
  EXPECT_TRUE(article->requires_field(ItemField::kTitle));
  EXPECT_TRUE(question->takes(ItemField::kTitle));
  EXPECT_FALSE(question->requires_field(ItemField::kTitle));
  EXPECT_FALSE(note->takes(ItemField::kTitle));
  EXPECT_FALSE(note->requires_field(ItemField::kTitle));
}

TEST(Kinds, OnlyTheExchangeKindsTakeTheirFieldsContributionsAndRsvps) {
  const std::set<std::string_view> exchange = {"request", "offer", "initiative", "event"};
  for (const auto& rule : item_kinds()) {
    SCOPED_TRACE(std::string(rule.kind));
    bool takes_any = false;
    for (ItemField f : {ItemField::kGoals, ItemField::kStartsAt, ItemField::kEndsAt,
                        ItemField::kCapacity, ItemField::kSkills, ItemField::kDeadline,
                        ItemField::kMinimum, ItemField::kExpiresAt, ItemField::kOfferMode}) {
      takes_any = takes_any || rule.takes(f);
    }
    EXPECT_EQ(takes_any, exchange.count(rule.kind) == 1);
    EXPECT_EQ(rule.takes_contributions, rule.kind == "request" || rule.kind == "initiative");
    EXPECT_EQ(rule.takes_rsvps, rule.kind == "event");
    EXPECT_EQ(rule.takes_votes, rule.kind == "idea");
  }
  EXPECT_TRUE(find_item_kind("initiative")->requires_field(ItemField::kGoals));
  EXPECT_TRUE(find_item_kind("event")->requires_field(ItemField::kStartsAt));
  EXPECT_TRUE(find_item_kind("offer")->requires_field(ItemField::kOfferMode));
  EXPECT_FALSE(find_item_kind("event")->requires_field(ItemField::kCapacity));
}

TEST(Kinds, AMoveOnlyKringMakesIsOpenToNoMemberStanding) {
  const ItemKindRule* offer = find_item_kind("offer");
  const StatusTransition* expire = offer->transition("available", "expired");
  ASSERT_NE(expire, nullptr);
  EXPECT_TRUE(expire->by.contains(Standing::kInstance));
  for (Standing s : {Standing::kAuthor, Standing::kSpaceModerator, Standing::kAdmin}) {
    EXPECT_FALSE(expire->by.contains(s)) << to_name(s);
  }
  const StatusTransition* reserve = offer->transition("available", "reserved");
  ASSERT_NE(reserve, nullptr);
  EXPECT_FALSE(reserve->by.contains(Standing::kAuthor));
  EXPECT_TRUE(reserve->by.contains(Standing::kParticipant));
}

TEST(Kinds, AReportNeedsATitleACategoryAndAPlaceAnIdeaMayHaveThem) {
  const ItemKindRule* report = find_item_kind("report");
  const ItemKindRule* idea = find_item_kind("idea");
  ASSERT_NE(report, nullptr);
  ASSERT_NE(idea, nullptr);
  for (ItemField f : {ItemField::kTitle, ItemField::kCategory, ItemField::kLocation}) {
    EXPECT_TRUE(report->requires_field(f)) << to_name(f);
    EXPECT_TRUE(idea->takes(f)) << to_name(f);
  }
  EXPECT_FALSE(idea->requires_field(ItemField::kCategory));
  EXPECT_FALSE(idea->requires_field(ItemField::kLocation));
  EXPECT_FALSE(find_item_kind("note")->takes(ItemField::kLocation));
}

TEST(Kinds, AReportMovesFromReportedToAClosingStatusAndOnlyTheReporterHasAReopenWindow) {
  const ItemKindRule* report = find_item_kind("report");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->initial_status, "reported");
  for (auto [from, to] : {std::pair{"reported", "acknowledged"},
                          std::pair{"acknowledged", "in_progress"},
                          std::pair{"in_progress", "solved"}, std::pair{"in_progress", "wont_fix"},
                          std::pair{"in_progress", "duplicate"}}) {
    const StatusTransition* t = report->transition(from, to);
    ASSERT_NE(t, nullptr) << from << " -> " << to;
    EXPECT_FALSE(t->by.contains(Standing::kAuthor)) << from << " -> " << to;
    EXPECT_TRUE(t->by.contains(Standing::kSpaceModerator));
  }
  const StatusTransition* reopen = report->transition("solved", "in_progress");
  ASSERT_NE(reopen, nullptr);
  EXPECT_TRUE(reopen->by.contains(Standing::kAuthor));
  EXPECT_EQ(reopen->author_window_days, 30);
  EXPECT_EQ(report->transition("duplicate", "reported"), nullptr);
  EXPECT_EQ(report->transition("reported", "solved"), nullptr);
  for (const auto& rule : item_kinds()) {
    for (const auto& t : rule.transitions) {
      if (&t == reopen) continue;
      EXPECT_EQ(t.author_window_days, 0) << rule.kind << " " << t.from;
    }
  }
}

TEST(Kinds, CategoriesAreAFixedListThatRefusesOthers) {
  EXPECT_FALSE(item_categories().empty());
  EXPECT_TRUE(is_item_category("lighting"));
  EXPECT_TRUE(is_item_category("other"));
  EXPECT_FALSE(is_item_category("Lighting"));
  EXPECT_FALSE(is_item_category(""));
}

TEST(Kinds, AQuestionStartsOpenAndTheAskerOrTheHostsMarkItAnsweredAndReopenIt) {
  const ItemKindRule* question = find_item_kind("question");
  ASSERT_NE(question, nullptr);
  EXPECT_EQ(question->initial_status, "open");
  for (auto [from, to] : {std::pair{"open", "answered"}, std::pair{"answered", "open"}}) {
    const StatusTransition* t = question->transition(from, to);
    ASSERT_NE(t, nullptr) << from << " -> " << to;
    EXPECT_TRUE(t->by.contains(Standing::kAuthor));
    EXPECT_TRUE(t->by.contains(Standing::kSpaceModerator));
    EXPECT_TRUE(t->by.contains(Standing::kAdmin));
  }
  EXPECT_EQ(question->transition("open", "closed"), nullptr);
  EXPECT_EQ(question->transition("open", "open"), nullptr);
}

TEST(Kinds, StandingsHoldExactlyTheirMembers) {
  Standings hosts = {Standing::kSpaceModerator, Standing::kSpaceOwner};
  EXPECT_TRUE(hosts.contains(Standing::kSpaceModerator));
  EXPECT_TRUE(hosts.contains(Standing::kSpaceOwner));
  EXPECT_FALSE(hosts.contains(Standing::kAuthor));
  EXPECT_FALSE(hosts.contains(Standing::kAdmin));
  EXPECT_TRUE(Standings({}).empty());
}

TEST(Kinds, StandingAndFieldNamesReadBothWays) {
  for (Standing s : enum_values<Standing>()) EXPECT_EQ(from_name<Standing>(to_name(s)), s);
  for (ItemField f : enum_values<ItemField>()) EXPECT_EQ(from_name<ItemField>(to_name(f)), f);
  EXPECT_EQ(to_name(Standing::kSpaceModerator), "space_moderator");
  EXPECT_EQ(to_name(ItemField::kStartsAt), "starts_at");
}

TEST(Kinds, AnIdeaNeedsATitleAndTakesVotes) {
  const ItemKindRule* idea = find_item_kind("idea");
  ASSERT_NE(idea, nullptr);
  EXPECT_TRUE(idea->requires_field(ItemField::kTitle));
  EXPECT_TRUE(idea->takes_votes);
  EXPECT_EQ(idea->initial_status, "open");
  EXPECT_EQ(
      std::vector<std::string_view>(idea->statuses.begin(), idea->statuses.end()),
      (std::vector<std::string_view>{"open", "under_review", "accepted", "declined", "done"}));
}

TEST(Kinds, AnIdeaIsMovedOnlyByItsSpacesHostsOrAdminsNeverByItsAuthor) {
  const ItemKindRule* idea = find_item_kind("idea");
  ASSERT_NE(idea, nullptr);
  const std::vector<std::pair<std::string_view, std::string_view>> moves = {
      {"open", "under_review"},
      {"under_review", "accepted"},
      {"under_review", "declined"},
      {"accepted", "done"}};
  EXPECT_EQ(idea->transitions.size(), moves.size());
  for (auto [from, to] : moves) {
    const StatusTransition* t = idea->transition(from, to);
    ASSERT_NE(t, nullptr) << from << " -> " << to;
    EXPECT_TRUE(t->by.contains(Standing::kSpaceModerator));
    EXPECT_TRUE(t->by.contains(Standing::kAdmin));
    EXPECT_FALSE(t->by.contains(Standing::kAuthor));
  }
  // No way back, and no skipping review.
  EXPECT_EQ(idea->transition("under_review", "open"), nullptr);
  EXPECT_EQ(idea->transition("open", "accepted"), nullptr);
  EXPECT_EQ(idea->transition("declined", "open"), nullptr);
  EXPECT_EQ(idea->transition("done", "accepted"), nullptr);
}

// Which statuses settle an item, pinned per kind: the duplicate check
// offers only items at the others.
TEST(Kinds, ClosedStatusesAreTheSettledOnesAndEveryOtherStatusIsOpen) {
  const std::map<std::string_view, std::set<std::string_view>> closed = {
      {"note", {}},
      {"article", {}},
      {"question", {"answered"}},
      {"idea", {"declined", "done"}},
      {"report", {"solved", "wont_fix", "duplicate"}},
      {"request", {"done", "cancelled"}},
      {"offer", {"returned", "given", "withdrawn", "expired"}},
      {"initiative", {"done", "failed", "cancelled"}},
      {"event", {"cancelled"}},
  };
  ASSERT_EQ(item_kinds().size(), closed.size());
  for (const auto& kind : item_kinds()) {
    const auto& expected = closed.at(kind.kind);
    EXPECT_EQ(std::set<std::string_view>(kind.closed_statuses.begin(), kind.closed_statuses.end()),
              expected)
        << kind.kind;
    for (auto status : kind.statuses) {
      EXPECT_EQ(kind.is_open(status), !expected.count(status)) << kind.kind << " " << status;
    }
    if (!kind.initial_status.empty()) {
      EXPECT_TRUE(kind.is_open(kind.initial_status)) << kind.kind;
    }
    EXPECT_FALSE(kind.is_open("no_such_status")) << kind.kind;
  }
}

}  // namespace
}  // namespace kring
