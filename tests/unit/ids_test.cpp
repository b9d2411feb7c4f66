#include "core/ids.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

#include "core/space.h"

namespace kring {
namespace {

class TimeOrderedIds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
};

constexpr Micros kAt = 1'764'600'000'000'000;  // 2025-12-01

TEST_F(TimeOrderedIds, CarryTheMillisecondAndRandomLowBits) {
  std::set<std::int64_t> low_bits;
  for (int i = 0; i < 200; ++i) {
    std::int64_t id = next_time_ordered_id(kAt, 0);
    EXPECT_EQ(id >> kIdRandomBits, kAt / 1000);
    low_bits.insert(id & ((1 << kIdRandomBits) - 1));
  }
  EXPECT_GT(low_bits.size(), 100u);  // random, not a counter
}

TEST_F(TimeOrderedIds, GrowWithTimeNotWithTheNumberOfRows) {
  std::int64_t earlier = next_time_ordered_id(kAt, 0);
  std::int64_t later = next_time_ordered_id(kAt + 1000, earlier);  // 1 ms later
  EXPECT_GT(later, earlier);
  EXPECT_GE(later, first_id_at(kAt + 1000));
  EXPECT_LT(earlier, first_id_at(kAt + 1000));
}

TEST_F(TimeOrderedIds, StayAboveTheNewestWhenTheClockStepsBack) {
  std::int64_t newest = first_id_at(kAt + 3'600'000'000);  // a row from an hour ahead
  std::set<std::int64_t> steps;
  for (int i = 0; i < 100; ++i) {
    std::int64_t id = next_time_ordered_id(kAt, newest);
    EXPECT_GT(id, newest);
    EXPECT_LE(id, newest + (1 << kIdRandomBits));
    steps.insert(id - newest);
  }
  EXPECT_GT(steps.size(), 10u);  // the step is random, not +1
}

TEST_F(TimeOrderedIds, StayExactInJsonNumbersForCenturies) {
  constexpr Micros kYear2200 = 7'258'118'400'000'000;
  EXPECT_LT(next_time_ordered_id(kYear2200, 0), std::int64_t{1} << 53);
}

TEST_F(TimeOrderedIds, OldSequentialIdsAreBelowEveryNewOne) {
  EXPECT_GT(next_time_ordered_id(kAt, 1'000'000), 1'000'000);
  EXPECT_GT(first_id_at(kAt), std::int64_t{1} << 40);
}

TEST_F(TimeOrderedIds, UnguessableSlugsAreValidSlugsWithinForty) {
  std::string slug = unguessable_slug("board");
  EXPECT_EQ(slug.size(), 5 + 1 + kUnguessableSuffixLength);
  EXPECT_EQ(slug.substr(0, 6), "board-");
  EXPECT_TRUE(validate_slug(slug).ok()) << slug;
  EXPECT_NE(slug, unguessable_slug("board"));
  std::string long_slug = unguessable_slug(std::string(28, 'a') + "-bbbbbbbbbbb");
  EXPECT_EQ(long_slug.size(), 28 + 1 + kUnguessableSuffixLength);  // cut, trailing '-' dropped
  EXPECT_TRUE(validate_slug(long_slug).ok()) << long_slug;
}

}  // namespace
}  // namespace kring
