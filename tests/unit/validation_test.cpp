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

TEST(EmailRules, TakesAsciiOnlySoCaseFoldingIsExact) {
  EXPECT_TRUE(validate_email("Anna.de.Vries@Example.ORG").ok());
  EXPECT_TRUE(validate_email("anna@xn--exmple-cua.org").ok());
  for (const char* bad : {"\xc3\x89lise@example.org", "anna@ex\xc3\xa4mple.org"}) {
    auto status = validate_email(bad);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_EQ(status.error().reason, "invalid_email");
    EXPECT_NE(status.error().message.find("ASCII"), std::string::npos);
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

namespace kring {
namespace {

// UTF-8 of one code point, so the tests name characters by number.
std::string u8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
  return out;
}

TEST(DeceptiveText, RefusesBidiControlsEverywhereNamingFieldAndCharacter) {
  for (char32_t c : {0x202aU, 0x202bU, 0x202cU, 0x202dU, 0x202eU, 0x2066U, 0x2067U, 0x2068U,
                     0x2069U, 0x200eU, 0x200fU, 0x061cU}) {
    for (bool multi_line : {false, true}) {
      auto status = validate_text("display_name", "invoice" + u8(c) + "gnp.exe", 80, multi_line);
      ASSERT_FALSE(status.ok()) << std::hex << static_cast<unsigned>(c);
      EXPECT_EQ(status.error().reason, "invalid_character");
    }
  }
  auto status = validate_text("display_name", "anna" + u8(0x202e) + "x", 80, false);
  EXPECT_EQ(status.error().message,
            "display_name must not contain U+202E (right-to-left override)");
}

TEST(DeceptiveText, RefusesLineAndParagraphSeparatorsEvenInMultiLineFields) {
  for (char32_t c : {0x2028U, 0x2029U}) {
    EXPECT_FALSE(validate_text("bio", "one" + u8(c) + "two", 500, true).ok());
    EXPECT_FALSE(validate_text("title", "one" + u8(c) + "two", 500, false).ok());
  }
  EXPECT_TRUE(validate_text("bio", "one\ntwo\r\n\tthree", 500, true).ok());
}

TEST(DeceptiveText, RefusesInvisibleCharactersInSingleLineFieldsOnly) {
  for (char32_t c : {0x200bU, 0x2060U, 0x2061U, 0x2064U, 0x206aU, 0xfeffU, 0x180eU, 0x00adU,
                     0x034fU, 0x3164U, 0xffa0U, 0x115fU, 0xfff9U}) {
    auto status = validate_text("display_name", "an" + u8(c) + "na", 80, false);
    ASSERT_FALSE(status.ok()) << std::hex << static_cast<unsigned>(c);
    EXPECT_EQ(status.error().reason, "invalid_character");
    EXPECT_NE(status.error().message.find("display_name"), std::string::npos);
    EXPECT_TRUE(validate_text("body", "an" + u8(c) + "na", 80, true).ok())
        << std::hex << static_cast<unsigned>(c);
  }
  EXPECT_FALSE(validate_text("display_name", u8(0x3164), 80, false).ok());  // a "blank" name
}

TEST(DeceptiveText, RefusesC0AndC1ControlsInSingleLineFields) {
  EXPECT_FALSE(validate_text("title", "tab\there", 80, false).ok());
  EXPECT_FALSE(validate_text("title", "next\nline", 80, false).ok());
  EXPECT_FALSE(validate_text("title", "csi" + u8(0x9b) + "31m", 80, false).ok());
}

TEST(DeceptiveText, KeepsJoinersAndSelectorsThatJoinSomething) {
  const std::string family = u8(0x1f468) + u8(0x200d) + u8(0x1f469) + u8(0x200d) + u8(0x1f467);
  const std::string heart_on_fire = u8(0x2764) + u8(0xfe0f) + u8(0x200d) + u8(0x1f525);
  const std::string coder = u8(0x1f469) + u8(0x1f3fd) + u8(0x200d) + u8(0x1f4bb);
  const std::string keycap = "1" + u8(0xfe0f) + u8(0x20e3);
  const std::string persian = "می" + u8(0x200c) + "خواهم";  // ZWNJ in Persian spelling
  const std::string devanagari = "क्" + u8(0x200d) + "ष";
  const std::string scotland = u8(0x1f3f4) + u8(0xe0067) + u8(0xe0062) + u8(0xe0073) + u8(0xe0063) +
                               u8(0xe0074) + u8(0xe007f);
  for (const auto& name : {family, heart_on_fire, coder, keycap, persian, devanagari, scotland,
                           "Zoë " + family + " Rotterdam"}) {
    EXPECT_TRUE(validate_text("display_name", name, 80, false).ok()) << name;
  }
}

TEST(DeceptiveText, RefusesJoinersAndSelectorsThatJoinNothing) {
  for (const auto& name :
       {u8(0x200d) + "anna", "anna" + u8(0x200d), "an" + u8(0x200d) + u8(0x200d) + "na",
        "anna " + u8(0x200c) + "x", u8(0xfe0f) + "anna", "anna " + u8(0xfe0f),
        "anna" + u8(0xe0041) + u8(0xe0042)}) {  // tag characters smuggling "AB"
    auto status = validate_text("display_name", name, 80, false);
    EXPECT_FALSE(status.ok()) << name;
    if (!status.ok()) {
      EXPECT_EQ(status.error().reason, "invalid_character");
    }
  }
  EXPECT_TRUE(validate_text("body", u8(0x200d) + "anna", 80, true).ok());
}

TEST(DeceptiveText, FindReportsTheFirstOffendingCharacter) {
  auto found = find_deceptive_character("ok" + u8(0x2067) + u8(0x202e), false);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code_point, 0x2067U);
  EXPECT_EQ(found->name, "right-to-left isolate");
  EXPECT_FALSE(find_deceptive_character("Zoë from Rotterdam 🚲", false).has_value());
}

}  // namespace
}  // namespace kring
