// The places of an event (social/rsvp_capacity.h): 1 + guests each, an
// empty capacity holds everyone, and the waiting list moves up strictly in
// its order.
#include "social/rsvp_capacity.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>

namespace kring::social {
namespace {

constexpr std::optional<std::int64_t> kUnlimited;

TEST(RsvpCapacity, AnAnswerTakesOnePlaceAndOneForEachGuest) {
  EXPECT_EQ(places_for(0), 1);
  EXPECT_EQ(places_for(kMaxGuests), kMaxGuests + 1);
}

TEST(RsvpCapacity, ThePlacesFitUpToTheCapacityExactly) {
  EXPECT_TRUE(fits(10, 7, 3));
  EXPECT_FALSE(fits(10, 7, 4));
  EXPECT_FALSE(fits(1, 1, 1));
  EXPECT_TRUE(fits(kUnlimited, 1000000, 21));
}

TEST(RsvpCapacity, ANewAnswerWaitsWheneverAnyoneWaitsEvenWithAPlaceFree) {
  EXPECT_TRUE(goes_now(5, 4, 0, 1));
  EXPECT_FALSE(goes_now(5, 4, 1, 1));
  EXPECT_FALSE(goes_now(5, 4, 0, 2));
  EXPECT_TRUE(goes_now(kUnlimited, 4, 0, 21));
}

TEST(RsvpCapacity, PromotionTakesTheLongestPrefixThatFits) {
  constexpr std::array<std::int64_t, 4> waiting = {1, 2, 1, 1};
  EXPECT_EQ(promotable(10, 10, waiting), 0u);
  EXPECT_EQ(promotable(10, 9, waiting), 1u);
  // The second needs two of the two left after the first: stop there,
  // though the third and fourth would each fit alone.
  EXPECT_EQ(promotable(10, 8, waiting), 1u);
  EXPECT_EQ(promotable(10, 7, waiting), 2u);
  EXPECT_EQ(promotable(10, 5, waiting), 4u);
  EXPECT_EQ(promotable(kUnlimited, 1000, waiting), 4u);
  EXPECT_EQ(promotable(10, 0, std::span<const std::int64_t>{}), 0u);
}

TEST(RsvpCapacity, ALoweredCapacityPromotesNobody) {
  // Taken beyond the capacity (it was lowered under those going).
  constexpr std::array<std::int64_t, 1> waiting = {1};
  EXPECT_EQ(promotable(2, 5, waiting), 0u);
  EXPECT_FALSE(fits(2, 5, 0 + 1));
}

}  // namespace
}  // namespace kring::social
