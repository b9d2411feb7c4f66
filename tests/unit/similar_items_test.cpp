// store/similar_items.h over a small world: which open items the duplicate
// check offers, in which order, and to whom. Distances on the ground: 0.001°
// of latitude is 111 m.
#include "store/similar_items.h"

#include <gtest/gtest.h>

#include "store/item_repository.h"
#include "store/migrations.h"

namespace kring::store {
namespace {

constexpr double kLat = 52.0900;
constexpr double kLon = 5.1200;

class SimilarItems : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    apply_migrations(conn_);
    // 1 writes everything; 2 is an outsider; space 10 is secret, 1 its owner.
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'ada', 'a@x.org', 'x', 0, 0), (2, 'bo', 'b@x.org', 'x', 0, 0);"
        "INSERT INTO spaces (id, slug, name, kind, visibility, created_by, created_at, "
        "updated_at) VALUES (10, 'secret', 'Secret', 'team', 'secret', 1, 0, 0);"
        "INSERT INTO space_members (space_id, member_id, role, state, created_at) VALUES "
        "(10, 1, 'owner', 'active', 0);");
  }

  ItemId report(std::string title, double north_m, std::string category = "lighting",
                std::string status = "reported", std::optional<SpaceId> space = std::nullopt) {
    Transaction tx(conn_, Transaction::Kind::kWrite);
    Item item;
    item.kind = "report";
    item.author_id = 1;
    item.space_id = space;
    item.visibility = space ? ItemVisibility::kSpace : ItemVisibility::kPublic;
    item.title = std::move(title);
    item.body = "something at the corner";
    item.html = item.body;
    item.status = std::move(status);
    item.location = ItemLocation{kLat + north_m / 111'195.0, kLon, ""};
    item.category = std::move(category);
    item.created_at = ++clock_;
    ItemId id = ItemRepository(conn_).insert(item, {});
    tx.commit();
    return id;
  }

  std::vector<ItemId> similar(SimilarItemsQuery q) {
    Transaction tx(conn_, Transaction::Kind::kRead);
    return similar_open_items(conn_, q);
  }

  SimilarItemsQuery here(MemberId viewer = 1) {
    return {.viewer = viewer, .kind = "report", .category = "lighting", .lat = kLat, .lon = kLon};
  }

  Connection conn_{":memory:"};
  Micros clock_ = 1'000'000;
};

TEST_F(SimilarItems, TheSameCategoryWithinTheRadiusNearestFirst) {
  ItemId far = report("Lamp out", 300);
  ItemId near = report("Lamp out", 50);
  ItemId nearer = report("Lamp out", -20);
  ItemId edge = report("Lamp out", 240);
  report("Pothole", 10, "road");
  EXPECT_EQ(similar(here()), (std::vector<ItemId>{nearer, near, edge}));
  (void)far;
}

TEST_F(SimilarItems, ClosedItemsAreLeftOut) {
  ItemId open = report("Lamp out", 10, "lighting", "in_progress");
  report("Lamp out", 20, "lighting", "solved");
  report("Lamp out", 30, "lighting", "wont_fix");
  report("Lamp out", 40, "lighting", "duplicate");
  EXPECT_EQ(similar(here()), (std::vector<ItemId>{open}));
}

TEST_F(SimilarItems, TextMatchesFollowThePlaceOnesWithoutRepeatingThem) {
  ItemId near = report("Streetlight flickering", 10);
  ItemId elsewhere = report("Streetlight flickering", 5000);
  report("Broken bench", 6000);
  auto q = here();
  q.text = "the streetlight";
  EXPECT_EQ(similar(q), (std::vector<ItemId>{near, elsewhere}));
  q.category.reset();
  EXPECT_EQ(similar(q).size(), 2u);
}

TEST_F(SimilarItems, CommonWordsAloneMatchNothing) {
  report("The lamp and the tree", 5000);
  SimilarItemsQuery q{.viewer = 1, .kind = "report", .text = "the and with"};
  EXPECT_TRUE(similar(q).empty());
  EXPECT_TRUE(comparable_text("the and"));
  EXPECT_FALSE(comparable_text("a b ?! de"));
  EXPECT_TRUE(comparable_text("\xc3\xa9t\xc3\xa9"));  // "été": three characters, five bytes
}

TEST_F(SimilarItems, FtsSyntaxInTheTextIsOnlyWords) {
  ItemId lamp = report("Lamp post", 5000);
  SimilarItemsQuery q{.viewer = 1, .kind = "report", .text = "lamp\" OR NEAR(* title:"};
  EXPECT_EQ(similar(q), (std::vector<ItemId>{lamp}));
}

TEST_F(SimilarItems, ASecretSpacesItemsOnlyForItsMembers) {
  ItemId secret = report("Lamp out", 10, "lighting", "reported", SpaceId{10});
  EXPECT_EQ(similar(here(1)), (std::vector<ItemId>{secret}));
  EXPECT_TRUE(similar(here(2)).empty());
  EXPECT_TRUE(similar(here(0)).empty());
  auto q = here(1);
  q.space = 10;
  EXPECT_EQ(similar(q), (std::vector<ItemId>{secret}));
}

TEST_F(SimilarItems, AtMostTheLimitAndNothingForAKindWithoutWorkflow) {
  for (int i = 0; i < 7; ++i) report("Lamp out", 10.0 * i);
  EXPECT_EQ(similar(here()).size(), 5u);
  auto q = here();
  q.limit = 2;
  EXPECT_EQ(similar(q).size(), 2u);
  q.kind = "note";
  EXPECT_TRUE(similar(q).empty());
  q.kind = "idea";
  EXPECT_TRUE(similar(q).empty());
}

}  // namespace
}  // namespace kring::store
