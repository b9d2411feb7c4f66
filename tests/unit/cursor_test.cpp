#include "core/cursor.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/secrets.h"

namespace kring {
namespace {

constexpr std::string_view kList = "followers/alice";

// The bytes of a cursor, to tamper with.
std::string raw(const std::string& cursor) {
  std::string out;
  EXPECT_TRUE(base64url_decode(cursor, out));
  return out;
}

TEST(Cursor, RoundTripsItsKey) {
  for (CursorKey key : {CursorKey{1764000000123456, 987654321}, CursorKey{0, 1}, CursorKey{-3, 42},
                        CursorKey{std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::max()}}) {
    auto decoded = decode_cursor(kList, encode_cursor(kList, key));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->major, key.major);
    EXPECT_EQ(decoded->id, key.id);
  }
}

TEST(Cursor, RejectsGarbledText) {
  for (const char* bad : {"", "abc", "!!!!", "azE6Mg", "a:1:2", "azE6YTpi", "nonsense"}) {
    auto decoded = decode_cursor(kList, bad);
    ASSERT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(decoded.error().reason, "invalid_cursor");
  }
  EXPECT_FALSE(decode_cursor(kList, std::string(10000, 'a')).ok());
}

// The old, unsigned format ("k1:time:id" in base64url) could be written by
// anyone; such a cursor is now refused.
TEST(Cursor, RejectsAForgedCursorOfTheOldFormat) {
  EXPECT_FALSE(decode_cursor(kList, base64url_encode("k1:1764000000000000:5")).ok());
}

TEST(Cursor, RejectsAnyChangedByte) {
  std::string bytes = raw(encode_cursor(kList, {1764000000123456, 77}));
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    for (unsigned char flip : {0x01, 0x80}) {
      std::string edited = bytes;
      edited[k] = static_cast<char>(edited[k] ^ flip);
      EXPECT_FALSE(decode_cursor(kList, base64url_encode(edited)).ok()) << "byte " << k;
    }
  }
}

TEST(Cursor, RejectsACutOrExtendedCursor) {
  std::string bytes = raw(encode_cursor(kList, {5, 6}));
  EXPECT_FALSE(decode_cursor(kList, base64url_encode(bytes.substr(0, bytes.size() - 1))).ok());
  EXPECT_FALSE(decode_cursor(kList, base64url_encode(bytes + "x")).ok());
}

TEST(Cursor, IsBoundToTheListThatIssuedIt) {
  std::string cursor = encode_cursor(kList, {5, 6});
  EXPECT_TRUE(decode_cursor(kList, cursor).ok());
  for (std::string_view other : {"followers/alicf", "following/alice", "followers/alice ", ""}) {
    EXPECT_FALSE(decode_cursor(other, cursor).ok()) << other;
  }
}

TEST(Cursor, AnotherSecretRefusesTheCursorsOfTheFirst) {
  std::string before(kCursorSecretBytes, '\x11'), after(kCursorSecretBytes, '\x22');
  set_cursor_secret(before);
  std::string cursor = encode_cursor(kList, {5, 6});
  EXPECT_TRUE(decode_cursor(kList, cursor).ok());
  set_cursor_secret(after);
  EXPECT_FALSE(decode_cursor(kList, cursor).ok());
  set_cursor_secret(before);
  EXPECT_TRUE(decode_cursor(kList, cursor).ok());
}

TEST(Cursor, IsShortAndUrlSafe) {
  std::string cursor = encode_cursor(kList, {std::numeric_limits<std::int64_t>::max(), -1});
  EXPECT_LE(cursor.size(), 44u);
  EXPECT_EQ(
      cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
}

}  // namespace
}  // namespace kring
