// Migration 8 (item_status_changes) on a database at version 7, and the
// repository over it: changes page newest first, and a change by a member
// since suspended, or across a block, reads without its actor.
#include "store/status_change_repository.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/migrations.h"

namespace kring::store {
namespace {

class StatusChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    ASSERT_EQ(apply_migrations(conn_, 7), 7);
    // What the version-7 release holds: members and a question.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'asker', 'a@x.org', 'x', 0, 0), (2, 'host', 'h@x.org', 'x', 0, 0), "
        "(3, 'reader', 'r@x.org', 'x', 0, 0);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, status, created_at) "
        "VALUES (10, 'question', 1, 'public', 'b', 'b', 'open', 0);");
    ASSERT_GE(apply_migrations(conn_), 1);  // version numbers may leave gaps
  }

  std::int64_t record(MemberId actor, const char* from, const char* to, Micros at) {
    Transaction tx(conn_, Transaction::Kind::kWrite);
    StatusChange c;
    c.item_id = 10;
    c.from_status = from;
    c.to_status = to;
    c.actor_id = actor;
    c.note = "because";
    c.changed_at = at;
    auto id = StatusChangeRepository(conn_).record(c);
    tx.commit();
    return id;
  }

  Connection conn_{":memory:"};
};

TEST_F(StatusChanges, AnUpgradedDatabaseKeepsItsItemsAndRecordsChangesWithGrowingIds) {
  auto first = record(1, "open", "answered", 1'000'000);
  auto second = record(2, "answered", "open", 2'000'000);
  EXPECT_GT(second, first);
  StatusChangeRepository repo(conn_);
  auto all = repo.for_item(10, 3, std::nullopt, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second);  // newest first
  EXPECT_EQ(all[1].from_status, "open");
  EXPECT_EQ(all[1].to_status, "answered");
  EXPECT_EQ(all[1].note, "because");
  EXPECT_TRUE(all[0].actor_shown && all[1].actor_shown);
}

TEST_F(StatusChanges, PagesAfterTheCursorsKey) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(record(1, "open", "answered", 1'000'000 * (i + 1)));
  StatusChangeRepository repo(conn_);
  auto page = repo.for_item(10, 3, CursorKey{0, ids[3]}, 2);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].id, ids[2]);
  EXPECT_EQ(page[1].id, ids[1]);
  EXPECT_TRUE(repo.for_item(11, 3, std::nullopt, 10).empty());
}

TEST_F(StatusChanges, ASuspendedOrBlockedActorIsNotShownButTheChangeStays) {
  record(2, "open", "answered", 1'000'000);
  StatusChangeRepository repo(conn_);
  conn_.exec(
      "INSERT INTO ties (source_id, target_id, kind, state, created_at) VALUES "
      "(3, 2, 'block', 'accepted', 0)");
  EXPECT_FALSE(repo.for_item(10, 3, std::nullopt, 10).at(0).actor_shown);
  EXPECT_TRUE(repo.for_item(10, 1, std::nullopt, 10).at(0).actor_shown);
  conn_.exec("UPDATE members SET suspended_at = 5 WHERE id = 2");
  EXPECT_FALSE(repo.for_item(10, 1, std::nullopt, 10).at(0).actor_shown);
  EXPECT_TRUE(repo.for_item(10, 2, std::nullopt, 10).at(0).actor_shown);  // their own doing
}

}  // namespace
}  // namespace kring::store
