#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "core/space.h"
#include "social/demo/demo_community.h"
#include "social/demo/vocabulary.h"
#include "store/migrations.h"

namespace kring::social::demo {
namespace {

constexpr SpaceKind kKinds[] = {SpaceKind::kTeam, SpaceKind::kCommunity, SpaceKind::kNeighbourhood,
                                SpaceKind::kPlace};

TEST(DemoVocabulary, EveryKindAndThemeHasNamesWithValidSlugs) {
  for (SpaceKind kind : kKinds) {
    for (const auto& theme : skill_themes()) {
      auto names = space_names(kind, theme.name);
      EXPECT_FALSE(names.empty()) << space_kind_name(kind) << " " << theme.name;
      for (auto name : names) {
        std::string slug = slug_of(name);
        EXPECT_TRUE(validate_slug(slug).ok()) << name << " -> " << slug;
      }
    }
  }
}

TEST(DemoVocabulary, SlugsDropAccentsAndApostrophes) {
  EXPECT_EQ(slug_of("Makers' café Noord"), "makers-cafe-noord");
  EXPECT_EQ(slug_of("Dementia-friendly Nieuw-West"), "dementia-friendly-nieuw-west");
  EXPECT_EQ(slug_of("Repair café"), "repair-cafe");
  EXPECT_EQ(slug_of("A very long name for a space that goes on and on"),
            "a-very-long-name-for-a-space-that-goes-o");
}

// A demo loaded into a fresh database file, with every row that carries a
// time stamp read back in id order, the time as a distance from `now`.
using Row = std::tuple<std::string, std::int64_t, std::int64_t>;  // what, author, age
std::vector<Row> load_and_read(const std::filesystem::path& path, Micros now) {
  std::filesystem::remove(path);
  store::Database db(path.string());
  store::apply_migrations(*db.lease());
  DemoOptions options;
  options.members = 120;
  options.seed = 5;
  options.now = now;
  auto summary = load_demo_community(db, options);
  EXPECT_TRUE(summary.ok());
  EXPECT_FALSE(summary->exchange.slug.empty()) << "the neighbourhood exchange is planned";
  std::vector<Row> rows;
  auto conn = db.lease();
  for (const char* sql :
       {"SELECT handle, id, created_at FROM members ORDER BY id",
        "SELECT name, created_by, created_at FROM spaces ORDER BY id",
        "SELECT body, author_id, created_at FROM items ORDER BY id",
        "SELECT body, author_id, created_at FROM replies ORDER BY id",
        "SELECT kind, member_id, created_at FROM reactions ORDER BY target_id, member_id, kind",
        "SELECT kind, source_id * 100000 + target_id, created_at FROM ties ORDER BY source_id, "
        "target_id, kind",
        "SELECT to_status || ': ' || note, actor_id, changed_at FROM item_status_changes ORDER BY id",
        "SELECT i.title, v.member_id, v.created_at FROM item_votes v JOIN items i ON i.id = "
        "v.item_id ORDER BY i.title, v.member_id",
        "SELECT kind, recipient_id, created_at FROM notifications ORDER BY id",
        "SELECT i.title, f.fixed, coalesce(f.answered_at, f.asked_at) FROM item_follow_ups f JOIN "
        "items i ON i.id = f.item_id ORDER BY i.title",
        "SELECT kind || ' ' || status || ' ' || amount, giver_id, created_at FROM contributions "
        "ORDER BY id",
        "SELECT state || ' ' || guests || ' ' || (checked_in_at IS NOT NULL), member_id, "
        "responded_at FROM rsvps ORDER BY responded_at, member_id",
        "SELECT 'loan ' || (lent_at IS NOT NULL) || (returned_at IS NOT NULL), borrower_id, "
        "reserved_at FROM loans ORDER BY id",
        "SELECT 'organiser', member_id, added_at FROM item_organisers ORDER BY added_at, "
        "member_id"}) {
    auto st = conn->prepare(sql);
    while (st.step()) rows.emplace_back(st.text(0), st.int64(1), now - st.int64(2));
  }
  return rows;
}

TEST(DemoCommunity, IsTheSameCommunityWhateverDayItIsLoaded) {
  ASSERT_GE(sodium_init(), 0);
  auto dir =
      std::filesystem::temp_directory_path() / ("kring-demo-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  constexpr Micros kNow = 1'764'600'000'000'000;  // 2025-12-01
  constexpr Micros kYear = 365LL * 86'400 * 1'000'000;
  auto today = load_and_read(dir / "today.db", kNow);
  auto next_year = load_and_read(dir / "next-year.db", kNow + kYear);
  std::filesystem::remove_all(dir);
  ASSERT_GT(today.size(), 500u);
  EXPECT_EQ(today, next_year);
  for (const auto& [what, who, age] : today) {
    ASSERT_GE(age, 0) << what << " is dated after the moment of loading";
    ASSERT_LE(age, kDemoHistory) << what << " is older than the demo's history";
  }
}

}  // namespace
}  // namespace kring::social::demo
