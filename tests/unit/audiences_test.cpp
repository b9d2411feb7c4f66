// The audience table (social/audiences.h) as data, and the Notifier reading
// it over a small world: per kind, an event and exactly who is told.
#include "social/audiences.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "social/notifier.h"
#include "store/migrations.h"

namespace kring::social {
namespace {

using A = Audience;
using K = NotificationKind;

TEST(AudienceTable, HasOneRowPerKindInKindOrder) {
  auto kinds = enum_values<NotificationKind>();
  ASSERT_EQ(audience_table().size(), kinds.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_EQ(audience_table()[i].kind, kinds[i]) << i;
    EXPECT_EQ(&audience_rule(kinds[i]), &audience_table()[i]) << to_name(kinds[i]);
    EXPECT_FALSE(audience_table()[i].audiences.empty()) << to_name(kinds[i]);
    EXPECT_FALSE(audience_table()[i].when.empty()) << to_name(kinds[i]);
  }
}

// The table itself, pinned: changing who is told of a kind is a decision,
// and it is made here as well as in the table.
TEST(AudienceTable, SaysWhoIsToldOfEachKind) {
  const std::map<K, std::pair<Subject, std::vector<A>>> expected = {
      {K::kReply, {Subject::kItem, {A::kItemAuthor, A::kParentAuthor}}},
      {K::kMention, {Subject::kItem, {A::kMentioned}}},
      {K::kReaction, {Subject::kItem, {A::kReactedAuthor}}},
      {K::kFollow, {Subject::kMember, {A::kNamedMember}}},
      {K::kConnectionRequest, {Subject::kMember, {A::kNamedMember}}},
      {K::kConnectionAccepted, {Subject::kMember, {A::kNamedMember}}},
      {K::kJoinRequest, {Subject::kSpace, {A::kSpaceHosts}}},
      {K::kInvitation, {Subject::kSpace, {A::kNamedMember}}},
      {K::kStatusChanged,
       {Subject::kItem, {A::kItemAuthor, A::kItemRepliers, A::kItemFollowers, A::kItemVoters}}},
      {K::kFixedCheck, {Subject::kItem, {A::kItemAuthor}}},
      {K::kOfferReserved, {Subject::kItem, {A::kItemAuthor}}},
      {K::kReservationCancelled, {Subject::kItem, {A::kItemAuthor, A::kNamedMember}}},
      {K::kOfferHandedOver, {Subject::kItem, {A::kNamedMember}}},
      {K::kLoanReturned, {Subject::kItem, {A::kNamedMember}}},
      {K::kLoanOverdue, {Subject::kItem, {A::kNamedMember}}},
      {K::kLoanOverdueLender, {Subject::kItem, {A::kItemAuthor}}},
      {K::kOfferExpiring, {Subject::kItem, {A::kItemAuthor}}},
      {K::kRsvpPromoted, {Subject::kItem, {A::kNamedMember}}},
      {K::kEventCancelled, {Subject::kItem, {A::kEventGoing}}},
      {K::kContributionPledged, {Subject::kItem, {A::kItemAuthor}}},
      {K::kContributionConfirmed, {Subject::kItem, {A::kNamedMember}}},
      {K::kContributionDeclined, {Subject::kItem, {A::kNamedMember}}},
      {K::kInitiativeMinimumReached, {Subject::kItem, {A::kNamedMember}}},
      {K::kInitiativeMinimumMissed, {Subject::kItem, {A::kNamedMember}}},
      {K::kMatchFound, {Subject::kItem, {A::kNamedMember}}},
  };
  for (const auto& rule : audience_table()) {
    const auto& [subject, audiences] = expected.at(rule.kind);
    EXPECT_EQ(rule.subject, subject) << to_name(rule.kind);
    EXPECT_EQ(std::vector<A>(rule.audiences.begin(), rule.audiences.end()), audiences)
        << to_name(rule.kind);
    EXPECT_EQ(rule.spends_mention_budget, rule.kind == K::kMention) << to_name(rule.kind);
  }
}

// An audience found through an item or a space belongs to kinds whose
// subject is that item or space, so the visibility check the notifier makes
// is the check on what the recipient was found through.
TEST(AudienceTable, ItemAndSpaceAudiencesSitOnlyInRowsAboutThem) {
  const std::set<A> item_audiences = {A::kMentioned,     A::kItemAuthor,   A::kParentAuthor,
                                      A::kReactedAuthor, A::kItemRepliers, A::kItemFollowers,
                                      A::kItemVoters,    A::kEventGoing};
  for (const auto& rule : audience_table()) {
    for (A a : rule.audiences) {
      if (item_audiences.count(a)) {
        EXPECT_EQ(rule.subject, Subject::kItem) << to_name(rule.kind);
      }
      if (a == A::kSpaceHosts) {
        EXPECT_EQ(rule.subject, Subject::kSpace) << to_name(rule.kind);
      }
    }
  }
}

TEST(AudienceTable, ReadmeStatesTheTableAsGenerated) {
  std::ifstream in(KRING_README);
  ASSERT_TRUE(in) << KRING_README;
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const std::string open = "<!-- audiences: generated from src/social/audiences.cpp -->\n";
  const std::string close = "<!-- /audiences -->";
  auto from = readme.find(open);
  auto to = readme.find(close);
  ASSERT_NE(from, std::string::npos) << "README.md has no " << open;
  ASSERT_NE(to, std::string::npos) << "README.md has no " << close;
  from += open.size();
  EXPECT_EQ(readme.substr(from, to - from), "\n" + audience_table_markdown() + "\n")
      << "README.md's Notifications section should read, between the markers:\n\n"
      << audience_table_markdown();
}

// The Notifier over a small world. Members:
//   1 ada  owner of the closed space 10, author of items 100-102
//   2 bo   member of 10; wrote reply 200 on item 100
//   3 cy   ada's connection; wrote reply 201 answering 200
//   4 dee  moderator of 10; her reply 202 on item 100 was deleted
//   5 eve  moderator of 10, suspended
//   6 fay  blocked by ada
//   7 gus  muted bo, and muted the open space 12 he belongs to
//   8 hal  an outsider to every space
//   9 ivy  suspended
// Items: 100 public, 101 in the closed space 10, 102 for ada's connections,
// 103 by bo in the open space 12. Space 11 is secret; hal is not invited.
class NotifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }

  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    store::apply_migrations(conn_);
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, suspended_at, created_at, "
        "updated_at) VALUES (1, 'ada', 'ada@x.org', 'x', NULL, 0, 0), (2, 'bo', 'bo@x.org', 'x', "
        "NULL, 0, 0), (3, 'cy', 'cy@x.org', 'x', NULL, 0, 0), (4, 'dee', 'dee@x.org', 'x', NULL, "
        "0, 0), (5, 'eve', 'eve@x.org', 'x', 1, 0, 0), (6, 'fay', 'fay@x.org', 'x', NULL, 0, 0), "
        "(7, 'gus', 'gus@x.org', 'x', NULL, 0, 0), (8, 'hal', 'hal@x.org', 'x', NULL, 0, 0), (9, "
        "'ivy', 'ivy@x.org', 'x', 1, 0, 0);"
        "INSERT INTO spaces (id, slug, name, kind, visibility, created_by, created_at, updated_at) "
        "VALUES (10, 'closed', 'Closed', 'team', 'closed', 1, 0, 0), (11, 'secret', 'Secret', "
        "'team', 'secret', 1, 0, 0), (12, 'open', 'Open', 'team', 'open', 2, 0, 0);"
        "INSERT INTO space_members (space_id, member_id, role, state, created_at) VALUES "
        "(10, 1, 'owner', 'active', 0), (10, 2, 'member', 'active', 0), (10, 4, 'moderator', "
        "'active', 0), (10, 5, 'moderator', 'active', 0), (11, 1, 'owner', 'active', 0), "
        "(12, 2, 'owner', 'active', 0), (12, 7, 'member', 'active', 0);"
        "INSERT INTO items (id, kind, author_id, space_id, visibility, body, html, created_at) "
        "VALUES (100, 'note', 1, NULL, 'public', 'b', 'b', 0), (101, 'note', 1, 10, 'space', "
        "'b', 'b', 0), (102, 'note', 1, NULL, 'connections', 'b', 'b', 0), (103, 'note', 2, 12, "
        "'public', 'b', 'b', 0);"
        "INSERT INTO replies (id, item_id, parent_id, author_id, depth, body, html, deleted_at, "
        "created_at) VALUES (200, 100, NULL, 2, 0, 'r', 'r', NULL, 0), (201, 100, 200, 3, 1, 'r', "
        "'r', NULL, 0), (202, 100, NULL, 4, 0, 'r', 'r', 1, 0);"
        "INSERT INTO ties (source_id, target_id, kind, state, created_at) VALUES "
        "(1, 3, 'connection', 'accepted', 0), (3, 1, 'connection', 'accepted', 0), "
        "(1, 6, 'block', 'accepted', 0);"
        "INSERT INTO mutes (member_id, target_type, target_id, created_at) VALUES "
        "(7, 'member', 2, 0), (7, 'space', 12, 0);");
  }

  // Who the event told, as (recipient, kind), sorted.
  std::vector<std::pair<MemberId, std::string>> told(const Event& event) {
    conn_.exec("DELETE FROM notifications");
    Notifier notifier(conn_, hub_);
    notifier.notify(event);
    auto st = conn_.prepare("SELECT recipient_id, kind FROM notifications");
    std::vector<std::pair<MemberId, std::string>> out;
    while (st.step()) out.emplace_back(st.int64(0), st.text(1));
    std::sort(out.begin(), out.end());
    return out;
  }

  store::Connection conn_{":memory:"};
  RateLimiter limiter_{RateLimitConfig::off()};
  NotificationHub hub_{limiter_};
};

using Told = std::vector<std::pair<MemberId, std::string>>;

TEST_F(NotifierTest, MentionTellsEachActiveMemberNamedOnceButNotTheActor) {
  EXPECT_EQ(told({.kinds = {K::kMention},
                  .actor = 2,
                  .item = 100,
                  .mentions = {"ada", "cy", "hal", "ivy", "bo", "ada", "nobody"}}),
            (Told{{1, "mention"}, {3, "mention"}, {8, "mention"}}));
}

TEST_F(NotifierTest, MentionTellsOnlyWhoMayReadTheItem) {
  EXPECT_EQ(told({.kinds = {K::kMention}, .actor = 1, .item = 101, .mentions = {"bo", "hal"}}),
            (Told{{2, "mention"}}));
  EXPECT_EQ(told({.kinds = {K::kMention}, .actor = 1, .item = 102, .mentions = {"bo", "cy"}}),
            (Told{{3, "mention"}}));
}

TEST_F(NotifierTest, ReplyTellsTheItemsAuthorAndTheRepliedToOnceEach) {
  EXPECT_EQ(told({.kinds = {K::kReply, K::kMention},
                  .actor = 3,
                  .item = 100,
                  .reply = 201,
                  .parent = 200,
                  .mentions = {"bo", "ada", "hal"}}),
            (Told{{1, "reply"}, {2, "reply"}, {8, "mention"}}));
}

TEST_F(NotifierTest, ReplyToADeletedReplyTellsOnlyTheItemsAuthor) {
  EXPECT_EQ(told({.kinds = {K::kReply}, .actor = 3, .item = 100, .reply = 201, .parent = 202}),
            (Told{{1, "reply"}}));
  EXPECT_EQ(told({.kinds = {K::kReply}, .actor = 1, .item = 100, .reply = 201, .parent = 202}),
            Told{});
}

TEST_F(NotifierTest, ReactionTellsTheAuthorOfWhatWasReactedTo) {
  EXPECT_EQ(told({.kinds = {K::kReaction}, .actor = 3, .item = 100, .reply = 200}),
            (Told{{2, "reaction"}}));
  EXPECT_EQ(told({.kinds = {K::kReaction}, .actor = 3, .item = 100}), (Told{{1, "reaction"}}));
  EXPECT_EQ(told({.kinds = {K::kReaction}, .actor = 1, .item = 100}), Told{});
}

TEST_F(NotifierTest, StatusChangeTellsTheAuthorAndEveryReplierOnceButNotTheActor) {
  // Item 100: ada's; bo and cy replied, dee's reply was deleted.
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 4, .item = 100}),
            (Told{{1, "status_changed"}, {2, "status_changed"}, {3, "status_changed"}}));
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 1, .item = 100}),
            (Told{{2, "status_changed"}, {3, "status_changed"}}));
  // A second reply by the same member tells them once.
  conn_.exec(
      "INSERT INTO replies (id, item_id, parent_id, author_id, depth, body, html, created_at) "
      "VALUES (203, 100, NULL, 2, 0, 'r', 'r', 0)");
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 3, .item = 100}),
            (Told{{1, "status_changed"}, {2, "status_changed"}}));
}

TEST_F(NotifierTest, StatusChangeObeysBlocksAndTheItemsReadRule) {
  // fay, blocked by ada, replied on ada's public item: a change by ada
  // does not reach her, nor one by fay reach ada.
  conn_.exec(
      "INSERT INTO replies (id, item_id, parent_id, author_id, depth, body, html, created_at) "
      "VALUES (204, 100, NULL, 6, 0, 'r', 'r', 0)");
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 1, .item = 100}),
            (Told{{2, "status_changed"}, {3, "status_changed"}}));
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 6, .item = 100}),
            (Told{{2, "status_changed"}, {3, "status_changed"}}));
  // hal replied on ada's connections-only item 102 (before she narrowed
  // it, say): he may not read it, so he is not told.
  conn_.exec(
      "INSERT INTO replies (id, item_id, parent_id, author_id, depth, body, html, created_at) "
      "VALUES (205, 102, NULL, 8, 0, 'r', 'r', 0), (206, 102, NULL, 3, 0, 'r', 'r', 0)");
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 1, .item = 102}),
            (Told{{3, "status_changed"}}));
}

TEST_F(NotifierTest, StatusChangeTellsFollowersAndVotersInGoodStandingOnce) {
  // On ada's public item 100 (bo and cy replied): gus and hal follow it,
  // hal and fay (whom ada blocked) voted on it, ivy (suspended) follows and
  // voted, cy follows too.
  conn_.exec(
      "INSERT INTO item_follows (item_id, member_id, created_at) VALUES (100, 7, 0), (100, 8, 0), "
      "(100, 9, 0), (100, 3, 0);"
      "INSERT INTO item_votes (item_id, member_id, created_at) VALUES (100, 8, 0), (100, 6, 0), "
      "(100, 9, 0);");
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 1, .item = 100}),
            (Told{{2, "status_changed"},
                  {3, "status_changed"},
                  {7, "status_changed"},
                  {8, "status_changed"}}));
  // The actor is never told; nor is fay when hal moves it: in a block with
  // the item's author, she may not read the item.
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 8, .item = 100}),
            (Told{{1, "status_changed"},
                  {2, "status_changed"},
                  {3, "status_changed"},
                  {7, "status_changed"}}));
}

TEST_F(NotifierTest, FollowersAndVotersWhoMayNotReadTheItemAreNotTold) {
  // Item 101 is in the closed space 10; hal is no member there, bo is.
  conn_.exec(
      "INSERT INTO item_follows (item_id, member_id, created_at) VALUES (101, 8, 0), (101, 2, 0);"
      "INSERT INTO item_votes (item_id, member_id, created_at) VALUES (101, 8, 0);");
  EXPECT_EQ(told({.kinds = {K::kStatusChanged}, .actor = 4, .item = 101}),
            (Told{{1, "status_changed"}, {2, "status_changed"}}));
}

TEST_F(NotifierTest, TieKindsTellTheMemberNamedUnlessBlockedOrMuted) {
  for (K kind : {K::kFollow, K::kConnectionRequest, K::kConnectionAccepted}) {
    std::string name(to_name(kind));
    EXPECT_EQ(told({.kinds = {kind}, .actor = 2, .member = 1}), (Told{{1, name}})) << name;
    EXPECT_EQ(told({.kinds = {kind}, .actor = 6, .member = 1}), Told{}) << name << ": blocked";
    EXPECT_EQ(told({.kinds = {kind}, .actor = 1, .member = 6}), Told{}) << name << ": blocker";
    EXPECT_EQ(told({.kinds = {kind}, .actor = 2, .member = 7}), Told{}) << name << ": muted";
    EXPECT_EQ(told({.kinds = {kind}, .actor = 3, .member = 7}), (Told{{7, name}})) << name;
  }
}

TEST_F(NotifierTest, JoinRequestTellsTheSpacesActiveUnsuspendedHosts) {
  EXPECT_EQ(told({.kinds = {K::kJoinRequest}, .actor = 8, .space = 10}),
            (Told{{1, "join_request"}, {4, "join_request"}}));
}

TEST_F(NotifierTest, InvitationTellsTheInviteeOnlyIfTheyMayKnowTheSpace) {
  EXPECT_EQ(told({.kinds = {K::kInvitation}, .actor = 1, .space = 10, .member = 8}),
            (Told{{8, "invitation"}}));
  EXPECT_EQ(told({.kinds = {K::kInvitation}, .actor = 1, .space = 11, .member = 8}), Told{});
}

TEST_F(NotifierTest, NothingAboutAMutedSpaceOrFromAMutedMember) {
  EXPECT_EQ(told({.kinds = {K::kMention}, .actor = 2, .item = 103, .mentions = {"gus"}}), Told{});
  EXPECT_EQ(told({.kinds = {K::kMention}, .actor = 3, .item = 103, .mentions = {"gus"}}), Told{});
  EXPECT_EQ(told({.kinds = {K::kMention}, .actor = 3, .item = 100, .mentions = {"gus"}}),
            (Told{{7, "mention"}}));
}

TEST_F(NotifierTest, AnEventWithoutTheIdsItsKindNeedsIsABug) {
  Notifier notifier(conn_, hub_);
  EXPECT_THROW(notifier.notify({.kinds = {K::kReply}, .actor = 3}), std::logic_error);
  EXPECT_THROW(notifier.notify({.kinds = {K::kJoinRequest}, .actor = 8}), std::logic_error);
  EXPECT_THROW(notifier.notify({.kinds = {K::kInvitation}, .actor = 1, .space = 10}),
               std::logic_error);
  EXPECT_THROW(notifier.notify({.kinds = {K::kFollow}, .actor = 2}), std::logic_error);
}

}  // namespace
}  // namespace kring::social
