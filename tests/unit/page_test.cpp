#include "core/page.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace kring {
namespace {

struct Row {
  std::int64_t at = 0;
  std::int64_t id = 0;
};
CursorKey key_of(const Row& r) { return {r.at, r.id}; }
std::int64_t id_of(Row&& r) { return r.id; }

const std::string kList = list_name({"test", "list"});

Pager open(const PageRequest& request) {
  auto pager = Pager::open(kList, request);
  EXPECT_TRUE(pager.ok());
  return std::move(*pager);
}

std::vector<Row> rows(int n) {
  std::vector<Row> out;
  for (int k = 0; k < n; ++k) out.push_back({100, k + 1});
  return out;
}

TEST(Pager, TheFirstPageStartsAtTheTopAndFetchesOneMoreThanALimit) {
  Pager pager = open({"", 3});
  EXPECT_FALSE(pager.after().has_value());
  EXPECT_EQ(pager.limit(), 3);
  EXPECT_EQ(pager.fetch(), 4);
}

TEST(Pager, AFetchBeyondTheLimitGivesAPageAndTheCursorOfItsLastRow) {
  Pager pager = open({"", 3});
  auto page = pager.page(rows(4), key_of, id_of);
  EXPECT_EQ(page.items, (std::vector<std::int64_t>{1, 2, 3}));
  ASSERT_TRUE(page.next_cursor.has_value());
  Pager next = open({*page.next_cursor, 3});
  ASSERT_TRUE(next.after().has_value());
  EXPECT_EQ(next.after()->major, 100);
  EXPECT_EQ(next.after()->id, 3);
}

TEST(Pager, ExactlyALimitOfRowsIsTheLastPage) {
  auto page = open({"", 3}).page(rows(3), key_of, id_of);
  EXPECT_EQ(page.items.size(), 3u);
  EXPECT_FALSE(page.next_cursor.has_value());
}

TEST(Pager, AnEmptyListIsOneEmptyLastPage) {
  auto page = open({"", 3}).page(std::vector<Row>{}, key_of, id_of);
  EXPECT_TRUE(page.items.empty());
  EXPECT_FALSE(page.next_cursor.has_value());
}

// A row left out of the page (its member gone, a block) still moves the
// cursor: the next page starts after it, not before, so nothing is skipped
// and nothing repeats.
TEST(Pager, RowsLeftOutStillMoveTheCursor) {
  auto page = open({"", 3}).page(rows(4), key_of, [](Row&& r) -> std::optional<std::int64_t> {
    if (r.id >= 2) return std::nullopt;
    return r.id;
  });
  EXPECT_EQ(page.items, (std::vector<std::int64_t>{1}));
  ASSERT_TRUE(page.next_cursor.has_value());
  EXPECT_EQ(open({*page.next_cursor, 3}).after()->id, 3);
}

TEST(Pager, RefusesLimitsOutsideOneToAHundred) {
  for (int bad : {0, -1, kMaxPageSize + 1}) {
    auto pager = Pager::open(kList, {"", bad});
    ASSERT_FALSE(pager.ok()) << bad;
    EXPECT_EQ(pager.error().reason, "invalid_limit");
  }
  EXPECT_TRUE(Pager::open(kList, {"", 1}).ok());
  EXPECT_TRUE(Pager::open(kList, {"", kMaxPageSize}).ok());
}

TEST(Pager, RefusesACursorOfAnotherList) {
  auto page = open({"", 1}).page(rows(2), key_of, id_of);
  ASSERT_TRUE(page.next_cursor.has_value());
  auto other = Pager::open(list_name({"test", "other"}), {*page.next_cursor, 1});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().reason, "invalid_cursor");
}

TEST(Pager, RefusesAGarbledCursor) {
  auto pager = Pager::open(kList, {"bm9uc2Vuc2U", 5});
  ASSERT_FALSE(pager.ok());
  EXPECT_EQ(pager.error().reason, "invalid_cursor");
}

TEST(ListName, PartsCannotRunTogether) {
  EXPECT_NE(list_name({"a", "b/c"}), list_name({"a/b", "c"}));
  EXPECT_NE(list_name({"ab", ""}), list_name({"a", "b"}));
  EXPECT_EQ(list_name({"feed", "tag", "x"}), list_name({"feed", "tag", "x"}));
}

}  // namespace
}  // namespace kring
