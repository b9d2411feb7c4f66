// The ledger's totals table (migration 17) is kept by triggers: whatever
// writes the contribution rows (the service, the demo, a restore), the
// totals per item, goal, kind and status are the sums of the rows, and
// initiative_progress reads pledged and confirmed from them.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "social/initiative_progress.h"
#include "store/database.h"
#include "store/migrations.h"

namespace kring {
namespace {

using store::Connection;
using Key = std::tuple<std::int64_t, std::int64_t, std::string, std::string>;
using Sums = std::map<Key, std::pair<std::int64_t, std::int64_t>>;

class ContributionTotalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    store::apply_migrations(conn_);
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'ada', 'ada@x.org', 'x', 0, 0), (2, 'bo', 'bo@x.org', 'x', 0, 0);"
        "INSERT INTO items (id, kind, author_id, visibility, title, body, html, status, "
        "created_at) VALUES (10, 'initiative', 1, 'public', 'Paint', 'b', 'b', 'open', 0), "
        "(11, 'request', 1, 'public', 'Sofa', 'b', 'b', 'open', 0);"
        "INSERT INTO item_goals (item_id, position, kind, target, label) VALUES "
        "(10, 0, 'time', 40, ''), (10, 1, 'money', 20000, '');");
  }

  void pledge(std::int64_t id, ItemId item, const char* kind, std::int64_t amount,
              std::optional<std::int64_t> goal, const char* status = "pledged") {
    auto st = conn_.prepare(
        "INSERT INTO contributions (id, item_id, giver_id, receiver_id, kind, amount, "
        "goal_position, status, created_at) VALUES (?1, ?2, 2, 1, ?3, ?4, ?5, ?6, 0)");
    st.bind(1, id).bind(2, item).bind(3, kind).bind(4, amount).bind_optional(5, goal);
    st.bind(6, status).run();
  }

  Sums read(const char* sql) {
    Sums out;
    auto st = conn_.prepare(sql);
    while (st.step()) {
      if (st.int64(4) == 0 && st.int64(5) == 0) continue;  // an emptied row
      out[{st.int64(0), st.int64(1), st.text(2), st.text(3)}] = {st.int64(4), st.int64(5)};
    }
    return out;
  }
  Sums totals() {
    return read(
        "SELECT item_id, goal, kind, status, contributions, amount FROM contribution_totals");
  }
  Sums from_rows() {
    return read(
        "SELECT item_id, coalesce(goal_position, -1), kind, status, count(*), sum(amount) "
        "FROM contributions GROUP BY 1, 2, 3, 4");
  }

  Connection conn_{":memory:"};
};

TEST_F(ContributionTotalsTest, InsertsMovesAndDeletesKeepTheTotalsTheSumsOfTheRows) {
  pledge(1, 10, "time", 3, 0);
  pledge(2, 10, "time", 5, 0);
  pledge(3, 10, "money", 2500, 1, "delivered");
  pledge(4, 10, "support", 1, std::nullopt);
  pledge(5, 11, "time", 2, std::nullopt);
  EXPECT_EQ(totals(), from_rows());
  conn_.exec("UPDATE contributions SET status = 'confirmed' WHERE id IN (1, 3)");
  conn_.exec("UPDATE contributions SET status = 'withdrawn' WHERE id = 5");
  conn_.exec("UPDATE contributions SET amount = 7 WHERE id = 2");
  EXPECT_EQ(totals(), from_rows());
  conn_.exec("DELETE FROM contributions WHERE id = 4");
  EXPECT_EQ(totals(), from_rows());
  EXPECT_EQ(totals().count({10, -1, "support", "pledged"}), 0u);
  EXPECT_EQ((totals()[{10, 0, "time", "confirmed"}]),
            std::make_pair(std::int64_t{1}, std::int64_t{3}));
}

TEST_F(ContributionTotalsTest, ProgressCountsPledgedDeliveredAndConfirmedAndLeavesOutTheRest) {
  pledge(1, 10, "time", 3, 0, "confirmed");
  pledge(2, 10, "time", 4, 0, "delivered");
  pledge(3, 10, "time", 5, 0);
  pledge(4, 10, "time", 100, 0, "declined");
  pledge(5, 10, "time", 100, 0, "withdrawn");
  pledge(6, 10, "time", 100, 0, "void");
  pledge(7, 10, "money", 9000, 1, "confirmed");
  Item item;
  item.id = 10;
  item.goals = {{"time", 40, ""}, {"money", 20000, ""}};
  auto progress = social::initiative_progress(conn_, item);
  ASSERT_EQ(progress.size(), 2u);
  EXPECT_EQ(std::make_pair(progress[0].pledged, progress[0].confirmed),
            std::make_pair(std::int64_t{12}, std::int64_t{3}));
  EXPECT_EQ(std::make_pair(progress[1].pledged, progress[1].confirmed),
            std::make_pair(std::int64_t{9000}, std::int64_t{9000}));
  EXPECT_FALSE(social::reaches_minimum(progress, 50));  // time: 12 of 40 is 30%
  EXPECT_TRUE(social::reaches_minimum(progress, 30));   // 30% and 45%
}

}  // namespace
}  // namespace kring
