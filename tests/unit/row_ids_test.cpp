#include "store/row_ids.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/space.h"
#include "store/migrations.h"
#include "store/space_repository.h"

namespace kring::store {
namespace {

constexpr Micros kNow = 1'764'600'000'000'000;  // 2025-12-01

// True when slug is prefix, '-' and ten base32 characters: the shape of a
// secret space's slug. (No std::regex: GCC 12 warns inside it at -O2.)
bool has_secret_ending(const std::string& slug, std::string_view prefix) {
  constexpr std::string_view kBase32 = "abcdefghijklmnopqrstuvwxyz234567";
  std::string_view s(slug);
  if (!s.starts_with(prefix) || s.size() != prefix.size() + 11 || s[prefix.size()] != '-') {
    return false;
  }
  for (char c : s.substr(prefix.size() + 1)) {
    if (kBase32.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// A migrated in-memory database with rows of an old, sequential-id release.
class RowIds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    apply_migrations(conn_);
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'old_member', 'old@example.org', 'x', 0, 0);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, created_at) VALUES "
        "(7, 'note', 1, 'public', 'old', 'old', 0);");
  }
  Connection conn_{":memory:"};
};

TEST_F(RowIds, NewRowsGoAboveOldSequentialIdsByTime) {
  Transaction tx(conn_, Transaction::Kind::kWrite);
  std::int64_t id = allocate_row_id(conn_, IdTable::kItems, kNow);
  EXPECT_GE(id, first_id_at(kNow));
  EXPECT_LT(id, first_id_at(kNow + 1000));
}

TEST_F(RowIds, StayAboveARowFromAheadOfTheClock) {
  std::int64_t ahead = first_id_at(kNow + 86'400'000'000);
  conn_.exec(
      "INSERT INTO items (id, kind, author_id, visibility, body, html, created_at) VALUES (" +
      std::to_string(ahead) + ", 'note', 1, 'public', 'ahead', 'ahead', 0)");
  Transaction tx(conn_, Transaction::Kind::kWrite);
  EXPECT_GT(allocate_row_id(conn_, IdTable::kItems, kNow), ahead);
}

TEST_F(RowIds, EveryTableAllocatesFromItsOwnNewest) {
  Transaction tx(conn_, Transaction::Kind::kWrite);
  for (IdTable t : {IdTable::kSpaces, IdTable::kItems, IdTable::kReplies, IdTable::kNotifications,
                    IdTable::kReports, IdTable::kItemStatusChanges}) {
    EXPECT_GE(allocate_row_id(conn_, t, kNow), first_id_at(kNow));
  }
}

TEST(RowIdMigration, GivesOldSecretSpacesUnguessableSlugsAndKeysHistoryBySpace) {
  Connection conn_{":memory:"};
  apply_migrations(conn_, 3);  // the release before unguessable slugs
  conn_.exec(
      "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
      "(1, 'old_member', 'old@example.org', 'x', 0, 0);"
      "INSERT INTO spaces (id, slug, name, kind, visibility, created_by, created_at, updated_at) "
      "VALUES (1, 'board', 'Board', 'team', 'secret', 1, 0, 0), "
      "(2, 'open-board', 'Open', 'team', 'open', 1, 0, 0), "
      "(3, 'a-very-long-secret-slug-of-forty-chars', 'Long', 'team', 'secret', 1, 0, 0);"
      "INSERT INTO network_history (scope, version, computed_at, nodes, edges) VALUES "
      "('space:board', 1, 0, 2, 1), ('space:gone', 1, 0, 2, 1), ('instance', 1, 0, 9, 9);");
  EXPECT_GE(apply_migrations(conn_), 1);  // version numbers may leave gaps
  SpaceRepository spaces(conn_);
  auto board = spaces.find_by_id(1);
  EXPECT_TRUE(has_secret_ending(board->slug, "board")) << board->slug;
  EXPECT_EQ(spaces.find_by_id(2)->slug, "open-board");
  auto long_one = spaces.find_by_id(3)->slug;
  EXPECT_TRUE(validate_slug(long_one).ok()) << long_one;
  EXPECT_TRUE(has_secret_ending(long_one, "a-very-long-secret-slug-of-fo")) << long_one;
  EXPECT_FALSE(spaces.slug_taken("board"));
  std::vector<std::string> scopes;
  auto st = conn_.prepare("SELECT scope FROM network_history ORDER BY id");
  while (st.step()) scopes.push_back(st.text(0));
  EXPECT_EQ(scopes, (std::vector<std::string>{"space#1", "space:gone", "instance"}));
}

}  // namespace
}  // namespace kring::store
