#include "core/validation.h"

#include <gtest/gtest.h>

namespace kring {
namespace {

TEST(HandleRules, AcceptsLowercaseLettersDigitsUnderscore) {
  EXPECT_TRUE(validate_handle("anna_de_jong2").ok());
  EXPECT_TRUE(validate_handle("abc").ok());
  EXPECT_TRUE(validate_handle(std::string(30, 'a')).ok());
}

TEST(HandleRules, RejectsBadHandlesWithReason) {
  for (const char* bad : {"ab", "1anna", "_anna", "Anna", "an-na", "an na", "anna!", "admin", "me"}) {
    auto status = validate_handle(bad);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_EQ(status.error().reason, "invalid_handle");
    EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  }
  EXPECT_FALSE(validate_handle(std::string(31, 'a')).ok());
}

TEST(EmailRules, NeedsOneAtAndADottedDomain) {
  EXPECT_TRUE(validate_email("anna@example.org").ok());
  for (const char* bad : {"anna", "anna@", "@example.org", "anna@example", "a@b@c.org",
                          "an na@example.org", "anna@.org", "anna@example."}) {
    EXPECT_FALSE(validate_email(bad).ok()) << bad;
  }
}

TEST(PasswordRules, EnforcesLengthBounds) {
  EXPECT_FALSE(validate_password("short").ok());
  EXPECT_TRUE(validate_password("long enough").ok());
  EXPECT_FALSE(validate_password(std::string(257, 'x')).ok());
}

TEST(Utf8, RejectsInvalidSequencesAndControlCharacters) {
  EXPECT_TRUE(is_clean_utf8("Zoë from Rotterdam 🚲", false));
  EXPECT_FALSE(is_clean_utf8("\xff\xfe", false));
  EXPECT_FALSE(is_clean_utf8("\xc0\xaf", false));        // overlong '/'
  EXPECT_FALSE(is_clean_utf8("\xed\xa0\x80", false));    // surrogate
  EXPECT_FALSE(is_clean_utf8("line\nbreak", false));
  EXPECT_TRUE(is_clean_utf8("line\nbreak", true));
  EXPECT_FALSE(is_clean_utf8(std::string("nul\0byte", 8), true));
}

TEST(TextRules, CountsCodePointsNotBytes) {
  std::string eighty_umlauts;
  for (int i = 0; i < 80; ++i) eighty_umlauts += "ë";
  EXPECT_TRUE(validate_text("display_name", eighty_umlauts, 80, false).ok());
  auto status = validate_text("display_name", eighty_umlauts + "x", 80, false);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().reason, "too_long");
  EXPECT_NE(status.error().message.find("display_name"), std::string::npos);
}

TEST(UrlRules, OnlyHttpAndHttps) {
  EXPECT_TRUE(validate_url("avatar_url", "https://example.org/a.png").ok());
  EXPECT_FALSE(validate_url("avatar_url", "javascript:alert(1)").ok());
  EXPECT_FALSE(validate_url("avatar_url", "https://example.org/a b.png").ok());
  EXPECT_FALSE(validate_url("avatar_url", "https://example.org/\"onerror=").ok());
}

}  // namespace
}  // namespace kring

namespace kring {
namespace {

TEST(Utf8, RejectsC1ControlCharacters) {
  EXPECT_FALSE(is_clean_utf8("name\xC2\x9B" "31m", false));  // CSI
  EXPECT_TRUE(is_clean_utf8("caf\xC3\xA9", false));
}

}  // namespace
}  // namespace kring
