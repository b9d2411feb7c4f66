#include "core/cursor.h"

#include <gtest/gtest.h>

namespace kring {
namespace {

TEST(Cursor, RoundTripsItsKey) {
  CursorKey key{1764000000123456, 987654321};
  auto decoded = decode_cursor(encode_cursor(key));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->time, key.time);
  EXPECT_EQ(decoded->id, key.id);
}

TEST(Cursor, RejectsAnythingItDidNotIssue) {
  for (const char* bad : {"", "abc", "!!!!", "azE6Mg", "a:1:2", "azE6YTpi"}) {
    auto decoded = decode_cursor(bad);
    ASSERT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(decoded.error().reason, "invalid_cursor");
  }
  EXPECT_FALSE(decode_cursor(std::string(10000, 'a')).ok());
}

}  // namespace
}  // namespace kring
