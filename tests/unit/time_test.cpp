#include "core/time.h"

#include <gtest/gtest.h>

namespace kring {
namespace {

TEST(Rfc3339, FormatsUtcWithZ) {
  EXPECT_EQ(format_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(1735689600LL * 1'000'000 + 250'000), "2025-01-01T00:00:00.250000Z");
}

TEST(Rfc3339, ParsesWhatItFormats) {
  Micros t = 1764000000LL * 1'000'000 + 123456;
  auto parsed = parse_rfc3339(format_rfc3339(t));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, t);
}

TEST(Rfc3339, AppliesOffsets) {
  auto parsed = parse_rfc3339("2025-01-01T02:00:00+02:00");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, 1735689600LL * 1'000'000);
}

TEST(Rfc3339, RejectsMalformedText) {
  for (const char* bad : {"", "2025-01-01", "2025-13-01T00:00:00Z", "2025-01-01T00:00:00",
                          "2025-01-01T00:00:00Zjunk", "2025-01-01T25:00:00Z", "2025-01-01T00:00:00."}) {
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace kring

namespace kring {
namespace {

TEST(Rfc3339, RejectsImpossibleDatesAndYearsOutsideFourDigits) {
  for (const char* bad : {"2026-02-31T00:00:00Z", "2025-02-29T00:00:00Z", "9999-12-31T23:59:59-23:59",
                          "0000-01-01T00:00:00+00:01", "2026-01-01T00:00:60Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
  }
  EXPECT_TRUE(parse_rfc3339("2024-02-29T00:00:00Z").has_value());
}

TEST(Rfc3339, PadsEarlyYearsToFourDigits) {
  auto t = parse_rfc3339("0999-12-31T23:59:59Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(format_rfc3339(*t), "0999-12-31T23:59:59Z");
}

}  // namespace
}  // namespace kring
