#include "store/keyset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/page.h"

namespace kring::store {
namespace {

struct Row {
  std::int64_t at = 0;
  std::int64_t id = 0;
  bool operator==(const Row&) const = default;
};

// A table whose sort key has many ties: (at, id) with at in 0..3.
class KeysetPaging : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)");
    conn_.exec("CREATE INDEX rows_by_at ON rows(at)");
    for (int k = 1; k <= 23; ++k) insert(k, k % 4);
  }
  void insert(std::int64_t id, std::int64_t at) {
    auto st = conn_.prepare("INSERT INTO rows (id, at) VALUES (?1, ?2)");
    st.bind(1, id).bind(2, at).run();
  }
  std::vector<Row> read(const SortKey& key, std::optional<CursorKey> after, int limit) {
    Keyset keyset(key, after, limit);
    auto st = conn_.prepare("SELECT at, id FROM rows WHERE at >= ?1 AND " + keyset.after_cursor() +
                            keyset.order_and_limit());
    st.bind(1, 0);
    keyset.bind(st);
    std::vector<Row> out;
    while (st.step()) out.push_back({st.int64(0), st.int64(1)});
    return out;
  }
  // Every row in the key's order, read in one go.
  std::vector<Row> all(const SortKey& key) { return read(key, std::nullopt, 1000); }
  // Walks the list `limit` rows at a time; between pages, `between` runs.
  template <typename F>
  std::vector<Row> walk(const SortKey& key, int limit, F between) {
    std::vector<Row> seen;
    PageRequest request{"", limit};
    const std::string list = list_name({"rows", std::string(key.major)});
    for (int pages = 0; pages < 100; ++pages) {
      auto pager = Pager::open(list, request);
      EXPECT_TRUE(pager.ok());
      bool major = !key.major.empty();
      auto page = pager->page(
          read(key, pager->after(), pager->fetch()),
          [major](const Row& r) {
            return CursorKey{major ? r.at : 0, r.id};
          },
          [](Row&& r) { return r; });
      EXPECT_LE(static_cast<int>(page.items.size()), limit);
      seen.insert(seen.end(), page.items.begin(), page.items.end());
      if (!page.next_cursor) return seen;
      request.cursor = *page.next_cursor;
      between();
    }
    ADD_FAILURE() << "the walk did not end";
    return seen;
  }
  Connection conn_{":memory:"};
};

constexpr SortKey kNewestFirst{"at", "id", SortOrder::kDescending};
constexpr SortKey kOldestFirst{"at", "id", SortOrder::kAscending};
constexpr SortKey kById{"", "id", SortOrder::kDescending};

TEST_F(KeysetPaging, WalksEveryRowOnceInOrderAcrossTiesOfTheMajorColumn) {
  for (SortKey key : {kNewestFirst, kOldestFirst, kById}) {
    for (int limit : {1, 2, 3, 5, 22, 23, 24}) {
      EXPECT_EQ(walk(key, limit, [] {}), all(key)) << key.major << " limit " << limit;
    }
  }
}

TEST_F(KeysetPaging, TheOrderIsTheSortKeys) {
  auto rows = all(kNewestFirst);
  ASSERT_EQ(rows.size(), 23u);
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::pair(a.at, a.id) > std::pair(b.at, b.id);
  }));
  EXPECT_EQ(rows.front(), (Row{3, 23}));
}

TEST_F(KeysetPaging, ExactlyALimitOfRowsIsOnePage) {
  conn_.exec("DELETE FROM rows WHERE id > 4");
  int pages = 0;
  auto seen = walk(kNewestFirst, 4, [&] { ++pages; });
  EXPECT_EQ(seen.size(), 4u);
  EXPECT_EQ(pages, 0);
}

TEST_F(KeysetPaging, AnEmptyTableIsOneEmptyPage) {
  conn_.exec("DELETE FROM rows");
  EXPECT_TRUE(walk(kNewestFirst, 3, [] {}).empty());
  EXPECT_TRUE(walk(kOldestFirst, 3, [] {}).empty());
}

// Newest first: rows added while someone pages are newer than the cursor,
// so they never shift a page; the walk is exactly the rows that were there.
TEST_F(KeysetPaging, NewerRowsInsertedWhilePagingNewestFirstShiftNothing) {
  auto before = all(kNewestFirst);
  std::int64_t next_id = 100;
  auto seen = walk(kNewestFirst, 4, [&] {
    insert(next_id, 3);  // ties the newest major value, with a larger id
    insert(next_id + 1, 9);
    next_id += 2;
  });
  EXPECT_EQ(seen, before);
}

// Oldest first: rows added meanwhile come after every row served, so the
// walk ends with them, each once.
TEST_F(KeysetPaging, NewerRowsInsertedWhilePagingOldestFirstComeLastOnce) {
  std::int64_t next_id = 100;
  auto seen = walk(kOldestFirst, 4, [&] { insert(next_id++, 9); });
  std::set<std::int64_t> ids;
  for (const auto& r : seen) EXPECT_TRUE(ids.insert(r.id).second) << "twice: " << r.id;
  EXPECT_GT(next_id, 100 + 5);
  EXPECT_EQ(seen.size(), 23u + static_cast<std::size_t>(next_id - 100));
  EXPECT_EQ(seen, all(kOldestFirst));
}

TEST_F(KeysetPaging, TheFirstPageOfEveryOrderIsOneStatementText) {
  Keyset first(kNewestFirst, std::nullopt, 5), later(kNewestFirst, CursorKey{1, 2}, 5);
  EXPECT_EQ(first.after_cursor(), later.after_cursor());
  EXPECT_EQ(first.after_cursor(), "(at, id) < (?61, ?62)");
  EXPECT_EQ(Keyset(kOldestFirst, std::nullopt, 5).order_and_limit(), " ORDER BY at, id LIMIT ?63");
  EXPECT_EQ(Keyset(kById, std::nullopt, 5).after_cursor(), "id < ?62");
}

}  // namespace
}  // namespace kring::store
