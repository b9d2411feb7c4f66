// Migration 7 on a database at the previous release's schema (version 6):
// every ordinal enum column reads back by name, and the new CHECKs refuse
// names outside the enum.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "store/member_repository.h"
#include "store/migrations.h"
#include "store/network_repository.h"
#include "store/reaction_repository.h"

namespace kring::store {
namespace {

std::string one_text(Connection& conn, const std::string& sql) {
  auto st = conn.prepare(sql);
  EXPECT_TRUE(st.step()) << sql;
  return st.text(0);
}

// The triggers and indexes on the tables migration 7 changes, by name.
std::map<std::string, std::string> triggers_and_indexes(Connection& conn) {
  auto st = conn.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL "
      "AND tbl_name IN ('members', 'member_terms', 'reactions')");
  std::map<std::string, std::string> out;
  while (st.step()) out[st.text(0)] = st.text(1);
  return out;
}

std::int64_t one_int(Connection& conn, const std::string& sql) {
  auto st = conn.prepare(sql);
  EXPECT_TRUE(st.step()) << sql;
  return st.int64(0);
}

class EnumMigration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    ASSERT_EQ(apply_migrations(conn_, 6), 6);
    // Rows as the version-6 release wrote them: every ordinal of every
    // converted column appears at least once.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, role, vis_display_name, vis_bio, "
        "vis_skills, vis_interests, vis_home_place, vis_avatar_url, created_at, updated_at) "
        "VALUES (1, 'ada', 'ada@example.org', 'x', 0, 0, 1, 2, 0, 1, 2, 0, 0),"
        "(2, 'bo', 'bo@example.org', 'x', 1, 1, 2, 0, 1, 2, 0, 0, 0),"
        "(3, 'cy', 'cy@example.org', 'x', 2, 2, 0, 1, 2, 0, 1, 0, 0);"
        "INSERT INTO sessions (member_id, token_hash, csrf_token, created_at, expires_at) VALUES "
        "(1, 'h', 'c', 0, 1);"
        "INSERT INTO member_terms (member_id, kind, position, term, label) VALUES "
        "(1, 0, 0, 'rust', 'Rust'), (1, 1, 0, 'chess', 'Chess'), (2, 0, 0, 'rust', 'rust');"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, created_at) VALUES "
        "(10, 'note', 2, 'public', 'b', 'b', 0);"
        "INSERT INTO replies (id, item_id, author_id, depth, body, html, created_at) VALUES "
        "(20, 10, 3, 0, 'r', 'r', 0);"
        "INSERT INTO reactions (target_type, target_id, member_id, kind, created_at) VALUES "
        "(0, 10, 1, 'like', 5), (1, 20, 2, 'love', 6);");
    version_before_ = one_int(conn_, "SELECT version FROM network_version");
    schema_before_ = triggers_and_indexes(conn_);
    ASSERT_EQ(apply_migrations(conn_, 7), 1);
  }
  Connection conn_{":memory:"};
  std::int64_t version_before_ = 0;
  std::map<std::string, std::string> schema_before_;
};

TEST_F(EnumMigration, RecreatesEveryTriggerAndIndexAsItWas) {
  EXPECT_EQ(schema_before_.size(), 9u);  // 2 indexes, 7 network version triggers
  EXPECT_EQ(triggers_and_indexes(conn_), schema_before_);
}

TEST_F(EnumMigration, MembersReadBackByName) {
  MemberRepository members(conn_);
  auto ada = members.find_by_id(1), bo = members.find_by_id(2), cy = members.find_by_id(3);
  ASSERT_TRUE(ada && bo && cy);
  EXPECT_EQ(ada->role, MemberRole::kMember);
  EXPECT_EQ(bo->role, MemberRole::kAnalyst);
  EXPECT_EQ(cy->role, MemberRole::kAdmin);
  using V = Visibility;
  EXPECT_EQ(ada->profile.visibility, (std::array<V, 6>{V::kPublic, V::kMembers, V::kConnections,
                                                       V::kPublic, V::kMembers, V::kConnections}));
  EXPECT_EQ(bo->profile.visibility, (std::array<V, 6>{V::kMembers, V::kConnections, V::kPublic,
                                                      V::kMembers, V::kConnections, V::kPublic}));
  EXPECT_EQ(cy->profile.visibility, (std::array<V, 6>{V::kConnections, V::kPublic, V::kMembers,
                                                      V::kConnections, V::kPublic, V::kMembers}));
  EXPECT_EQ(one_text(conn_, "SELECT role || '/' || vis_skills FROM members WHERE id = 3"),
            "admin/members");
}

TEST_F(EnumMigration, TermsKeepTheirKindAndOrder) {
  MemberRepository members(conn_);
  auto ada = members.find_by_id(1);
  ASSERT_TRUE(ada);
  EXPECT_EQ(ada->profile.skills, std::vector<std::string>{"Rust"});
  EXPECT_EQ(ada->profile.interests, std::vector<std::string>{"Chess"});
  EXPECT_EQ(one_text(conn_,
                     "SELECT group_concat(kind, ',') FROM (SELECT kind FROM member_terms "
                     "ORDER BY member_id, kind)"),
            "interests,skills,skills");
}

TEST_F(EnumMigration, ReactionsKeepTheirTargetType) {
  ReactionRepository reactions(conn_);
  EXPECT_EQ(reactions.summary(ReactionTarget::kItem, 10, 1).counts,
            (std::map<std::string, std::int64_t>{{"like", 1}}));
  EXPECT_EQ(reactions.summary(ReactionTarget::kReply, 20, 2).mine,
            std::vector<std::string>{"love"});
  std::vector<InteractionKind> kinds;
  // Today's repository reads today's schema (the ledger and RSVPs of
  // migrations 16 and 21 among it).
  apply_migrations(conn_);
  NetworkRepository(conn_).interactions(std::nullopt,
                                        [&](const InteractionRow& r) { kinds.push_back(r.kind); });
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), InteractionKind::kReaction), 2);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), InteractionKind::kReply), 1);
}

TEST_F(EnumMigration, KeepsRowsThatPointAtMembersAndLeavesTheNetworkVersion) {
  EXPECT_EQ(one_int(conn_, "SELECT count(*) FROM sessions"), 1);
  EXPECT_EQ(one_int(conn_, "SELECT version FROM network_version"), version_before_);
  EXPECT_EQ(one_text(conn_, "PRAGMA integrity_check"), "ok");
}

TEST_F(EnumMigration, TriggersStillBumpTheNetworkVersion) {
  conn_.exec("UPDATE members SET vis_skills = 'connections' WHERE id = 1");
  EXPECT_EQ(one_int(conn_, "SELECT version FROM network_version"), version_before_ + 1);
  conn_.exec("DELETE FROM member_terms WHERE member_id = 2");
  EXPECT_EQ(one_int(conn_, "SELECT version FROM network_version"), version_before_ + 2);
  conn_.exec("INSERT INTO reactions VALUES ('item', 10, 3, 'like', 7)");
  EXPECT_EQ(one_int(conn_, "SELECT version FROM network_version"), version_before_ + 3);
}

TEST_F(EnumMigration, ChecksRefuseNamesOutsideTheEnum) {
  EXPECT_THROW(conn_.exec("UPDATE members SET role = 'owner' WHERE id = 1"), StoreError);
  EXPECT_THROW(conn_.exec("UPDATE members SET role = 2 WHERE id = 1"), StoreError);
  for (const char* col : {"vis_display_name", "vis_bio", "vis_skills", "vis_interests",
                          "vis_home_place", "vis_avatar_url"}) {
    EXPECT_THROW(conn_.exec(std::string("UPDATE members SET ") + col + " = 'space' WHERE id = 1"),
                 StoreError)
        << col;
    EXPECT_THROW(conn_.exec(std::string("UPDATE members SET ") + col + " = 0 WHERE id = 1"),
                 StoreError)
        << col;
  }
  EXPECT_THROW(conn_.exec("INSERT INTO member_terms VALUES (1, 'bio', 1, 'x', 'x')"), StoreError);
  EXPECT_THROW(conn_.exec("INSERT INTO reactions VALUES (0, 10, 3, 'like', 7)"), StoreError);
  EXPECT_THROW(conn_.exec("INSERT INTO reactions VALUES ('member', 10, 3, 'like', 7)"), StoreError);
  EXPECT_EQ(one_text(conn_, "SELECT role FROM members WHERE id = 1"), "member");
}

TEST(EnumMigrationRefusal, AnOrdinalOutsideTheEnumLeavesTheDatabaseAtSix) {
  Connection conn(":memory:");
  apply_migrations(conn, 6);
  conn.exec(
      "INSERT INTO members (id, handle, email, password_hash, role, created_at, updated_at) "
      "VALUES (1, 'ada', 'ada@example.org', 'x', 9, 0, 0)");
  EXPECT_THROW(apply_migrations(conn), StoreError);
  EXPECT_EQ(one_int(conn, "PRAGMA user_version"), 6);
  EXPECT_EQ(one_int(conn, "SELECT role FROM members"), 9);
}

}  // namespace
}  // namespace kring::store
