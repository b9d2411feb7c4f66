// Migration 12 (items.vote_count) on a database from before it: the count
// is backfilled from item_votes without suspended members' votes, and the
// triggers keep it in step with votes cast and withdrawn and with members
// suspended and reinstated, so it always equals what a count would say.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "store/migrations.h"
#include "store/vote_repository.h"

namespace kring::store {
namespace {

class VoteCount : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    ASSERT_GE(apply_migrations(conn_, 11), 9);
    // What a version-11 release holds: members, two ideas and their votes;
    // member 4 is suspended.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at, "
        "suspended_at) VALUES (1, 'author', 'a@x.org', 'x', 0, 0, NULL), "
        "(2, 'two', 't@x.org', 'x', 0, 0, NULL), (3, 'three', 'h@x.org', 'x', 0, 0, NULL), "
        "(4, 'four', 'f@x.org', 'x', 0, 0, 7);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, status, created_at) "
        "VALUES (10, 'idea', 1, 'public', 'b', 'b', 'open', 0), "
        "(11, 'idea', 1, 'public', 'b', 'b', 'open', 0), "
        "(12, 'idea', 1, 'public', 'b', 'b', 'open', 0);"
        "INSERT INTO item_votes (item_id, member_id, created_at) VALUES "
        "(10, 2, 0), (10, 3, 0), (10, 4, 0), (11, 4, 0);");
    ASSERT_GE(apply_migrations(conn_), 1);
  }

  std::int64_t stored(ItemId item) {
    auto st = conn_.prepare("SELECT vote_count FROM items WHERE id = ?1");
    st.bind(1, item);
    EXPECT_TRUE(st.step());
    return st.int64(0);
  }

  void write(const std::function<void(VoteRepository&)>& f) {
    Transaction tx(conn_, Transaction::Kind::kWrite);
    VoteRepository votes(conn_);
    f(votes);
    tx.commit();
  }

  Connection conn_{":memory:"};
};

TEST_F(VoteCount, TheMigrationCountsTheVotesOfMembersInGoodStanding) {
  EXPECT_EQ(stored(10), 2);
  EXPECT_EQ(stored(11), 0);  // only a suspended member's vote
  EXPECT_EQ(stored(12), 0);
  EXPECT_EQ(VoteRepository(conn_).summary(10, 2).count, 2);
}

TEST_F(VoteCount, CastingAndWithdrawingMoveTheCountByOne) {
  write([](VoteRepository& v) { v.put(12, 2, 1); });
  EXPECT_EQ(stored(12), 1);
  write([](VoteRepository& v) { EXPECT_FALSE(v.put(12, 2, 1)); });
  EXPECT_EQ(stored(12), 1);  // a second vote is no vote
  write([](VoteRepository& v) { v.remove(12, 2); });
  write([](VoteRepository& v) { EXPECT_FALSE(v.remove(12, 2)); });
  EXPECT_EQ(stored(12), 0);
}

TEST_F(VoteCount, ASuspendedMembersVoteNeverCountsEvenWhenWithdrawn) {
  write([](VoteRepository& v) { v.remove(10, 4); });
  EXPECT_EQ(stored(10), 2);
}

TEST_F(VoteCount, SuspendingAndReinstatingRecountTheMembersItems) {
  conn_.exec("UPDATE members SET suspended_at = 9 WHERE id = 2");
  EXPECT_EQ(stored(10), 1);
  conn_.exec("UPDATE members SET suspended_at = 10 WHERE id = 2");  // still suspended
  EXPECT_EQ(stored(10), 1);
  conn_.exec("UPDATE members SET suspended_at = NULL WHERE id = 4");
  EXPECT_EQ(stored(10), 2);
  EXPECT_EQ(stored(11), 1);
  conn_.exec("UPDATE members SET suspended_at = NULL WHERE id = 2");
  EXPECT_EQ(stored(10), 3);
}

TEST_F(VoteCount, TheIdeasBoardIndexServesVotesOrder) {
  auto st = conn_.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM items WHERE space_id = 1 AND kind = 'idea' AND "
      "status = 'open' ORDER BY vote_count DESC, id DESC LIMIT 20");
  std::string plan;
  while (st.step()) plan += st.text(3) + "\n";
  EXPECT_NE(plan.find("items_by_votes"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace kring::store
