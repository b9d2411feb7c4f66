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
