// Migration 9 (item_votes) on a database at version 8, and the repository
// over it: one vote per member per item, withdrawing, and a suspended
// member's vote left out of the count.
#include "store/vote_repository.h"

#include <gtest/gtest.h>

#include "store/migrations.h"

namespace kring::store {
namespace {

class Votes : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    ASSERT_EQ(apply_migrations(conn_, 8), 8);
    // What the version-8 release holds: members and an item.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'author', 'a@x.org', 'x', 0, 0), (2, 'voter', 'v@x.org', 'x', 0, 0), "
        "(3, 'other', 'o@x.org', 'x', 0, 0);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, status, created_at) "
        "VALUES (10, 'idea', 1, 'public', 'b', 'b', 'open', 0);");
    ASSERT_GE(apply_migrations(conn_), 1);  // version numbers may leave gaps
  }

  bool put(MemberId member) {
    Transaction tx(conn_, Transaction::Kind::kWrite);
    bool added = VoteRepository(conn_).put(10, member, 1'000'000);
    tx.commit();
    return added;
  }

  Connection conn_{":memory:"};
};

TEST_F(Votes, AMemberVotesOnceAndASecondVoteIsNoVote) {
  EXPECT_TRUE(put(2));
  EXPECT_FALSE(put(2));
  EXPECT_TRUE(put(3));
  VoteSummary seen = VoteRepository(conn_).summary(10, 2);
  EXPECT_EQ(seen.count, 2);
  EXPECT_TRUE(seen.voted);
  EXPECT_FALSE(VoteRepository(conn_).summary(10, 1).voted);
  EXPECT_FALSE(VoteRepository(conn_).summary(10, 0).voted);  // a visitor
}

TEST_F(Votes, AWithdrawnVoteIsGoneAndWithdrawingAgainRemovesNothing) {
  put(2);
  EXPECT_TRUE(VoteRepository(conn_).remove(10, 2));
  EXPECT_FALSE(VoteRepository(conn_).remove(10, 2));
  VoteSummary seen = VoteRepository(conn_).summary(10, 2);
  EXPECT_EQ(seen.count, 0);
  EXPECT_FALSE(seen.voted);
}

TEST_F(Votes, ASuspendedMembersVoteIsNotCounted) {
  put(2);
  put(3);
  conn_.exec("UPDATE members SET suspended_at = 5 WHERE id = 3");
  EXPECT_EQ(VoteRepository(conn_).summary(10, 2).count, 1);
}

TEST_F(Votes, DeletingTheItemDeletesItsVotes) {
  put(2);
  conn_.exec("DELETE FROM items WHERE id = 10");
  auto st = conn_.prepare("SELECT count(*) FROM item_votes");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.int64(0), 0);
}

}  // namespace
}  // namespace kring::store
