// Migration 10 (places and categories on items, the item_places R*Tree) on a
// database at version 9, and the repository keeping the R*Tree in step with
// the rows on create, edit and delete.
#include <gtest/gtest.h>

#include "store/item_repository.h"
#include "store/migrations.h"

namespace kring::store {
namespace {

class ItemPlaces : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    ASSERT_EQ(apply_migrations(conn_, 9), 9);
    // What the version-9 release holds: a member and an item without a place.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'author', 'a@x.org', 'x', 0, 0);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, status, created_at) "
        "VALUES (10, 'idea', 1, 'public', 'b', 'b', 'open', 0);");
    ASSERT_EQ(apply_migrations(conn_), migrations_after(9));
  }

  std::int64_t places_in(double min_lat, double max_lat, double min_lon, double max_lon) {
    auto st = conn_.prepare(
        "SELECT count(*) FROM item_places WHERE min_lat >= ?1 AND max_lat <= ?2 AND min_lon >= ?3 "
        "AND max_lon <= ?4");
    st.bind(1, min_lat).bind(2, max_lat).bind(3, min_lon).bind(4, max_lon);
    st.step();
    return st.int64(0);
  }

  Connection conn_{":memory:"};
};

TEST_F(ItemPlaces, AnOlderItemHasNoPlaceOrCategory) {
  auto item = ItemRepository(conn_).find(10);
  ASSERT_TRUE(item);
  EXPECT_FALSE(item->location);
  EXPECT_FALSE(item->category);
  EXPECT_EQ(places_in(-90, 90, -180, 180), 0);
}

TEST_F(ItemPlaces, TheRTreeFollowsCreateEditAndDelete) {
  Transaction tx(conn_, Transaction::Kind::kWrite);
  ItemRepository items(conn_);
  Item item;
  item.kind = "report";
  item.author_id = 1;
  item.title = "Lamp";
  item.body = "dark";
  item.html = "dark";
  item.status = "reported";
  item.location = ItemLocation{52.09, 5.12, "Oudegracht 1"};
  item.category = "lighting";
  item.created_at = 1'000'000;
  item.id = items.insert(item, {});
  auto stored = items.find(item.id);
  ASSERT_TRUE(stored && stored->location);
  EXPECT_DOUBLE_EQ(stored->location->lat, 52.09);
  EXPECT_EQ(stored->location->address, "Oudegracht 1");
  EXPECT_EQ(stored->category, "lighting");
  EXPECT_EQ(places_in(52, 52.2, 5, 5.2), 1);

  Item moved = *stored;
  moved.location = ItemLocation{-33.9, 151.2, ""};
  items.update_text(*stored, moved, 2'000'000);
  EXPECT_EQ(places_in(52, 52.2, 5, 5.2), 0);
  EXPECT_EQ(places_in(-34, -33.8, 151, 151.3), 1);

  Item cleared = moved;
  cleared.location.reset();
  items.update_text(moved, cleared, 3'000'000);
  EXPECT_EQ(places_in(-90, 90, -180, 180), 0);
  EXPECT_FALSE(items.find(item.id)->location);

  items.update_text(cleared, moved, 4'000'000);
  items.soft_delete(item.id, 5'000'000);
  EXPECT_EQ(places_in(-90, 90, -180, 180), 0);
  tx.commit();
}

}  // namespace
}  // namespace kring::store
