// Migration 14 (item_follows) on a database at version 13, and the
// repository: one follow per member per item, counted without suspended
// followers.
#include "store/item_follow_repository.h"

#include <gtest/gtest.h>

#include "store/migrations.h"

namespace kring::store {
namespace {

class ItemFollows : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    ASSERT_EQ(apply_migrations(conn_, 13), 13);
    // What a version-13 release holds: members (3 suspended) and an idea.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at, "
        "suspended_at) VALUES (1, 'ada', 'a@x.org', 'x', 0, 0, NULL), (2, 'bo', 'b@x.org', 'x', "
        "0, 0, NULL), (3, 'cy', 'c@x.org', 'x', 0, 0, 5);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, status, created_at) "
        "VALUES (10, 'idea', 1, 'public', 'b', 'b', 'open', 0);");
    ASSERT_EQ(apply_migrations(conn_), migrations_after(13));
  }

  Connection conn_{":memory:"};
};

TEST_F(ItemFollows, AFollowIsOncePerMemberAndEndsOnce) {
  Transaction tx(conn_, Transaction::Kind::kWrite);
  ItemFollowRepository follows(conn_);
  EXPECT_EQ(follows.summary(10, 2).followers, 0);
  EXPECT_TRUE(follows.put(10, 2, 1));
  EXPECT_FALSE(follows.put(10, 2, 2));
  auto summary = follows.summary(10, 2);
  EXPECT_EQ(summary.followers, 1);
  EXPECT_TRUE(summary.following);
  EXPECT_FALSE(follows.summary(10, 1).following);
  EXPECT_FALSE(follows.summary(10, 0).following);
  EXPECT_TRUE(follows.remove(10, 2));
  EXPECT_FALSE(follows.remove(10, 2));
  EXPECT_EQ(follows.summary(10, 2).followers, 0);
}

TEST_F(ItemFollows, ASuspendedFollowerIsNotCountedUntilReinstated) {
  Transaction tx(conn_, Transaction::Kind::kWrite);
  ItemFollowRepository follows(conn_);
  follows.put(10, 2, 1);
  follows.put(10, 3, 1);
  EXPECT_EQ(follows.summary(10, 3).followers, 1);
  EXPECT_TRUE(follows.summary(10, 3).following);
  conn_.exec("UPDATE members SET suspended_at = NULL WHERE id = 3");
  EXPECT_EQ(follows.summary(10, 3).followers, 2);
}

TEST_F(ItemFollows, TheTableRefusesAFollowOfNoItemOrByNoMember) {
  Transaction tx(conn_, Transaction::Kind::kWrite);
  ItemFollowRepository follows(conn_);
  EXPECT_THROW(follows.put(99, 2, 1), StoreError);
  EXPECT_THROW(follows.put(10, 99, 1), StoreError);
}

}  // namespace
}  // namespace kring::store
