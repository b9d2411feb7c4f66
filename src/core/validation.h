#pragma once
// Rules for values that come from outside, shared by every layer that
// accepts them. Each returns an Error naming the field and what is wrong.

#include <string_view>

#include "core/result.h"

namespace kring {

// Handles: 3–30 characters, lowercase letters a–z, digits and underscore,
// starting with a letter; case-insensitive on input, stored lowercase.
// Reserved words (admin, api, me, ...) are refused so paths stay unambiguous.
inline constexpr size_t kHandleMinLength = 3;
inline constexpr size_t kHandleMaxLength = 30;
Status validate_handle(std::string_view handle);

// A plausible e-mail: one @, non-empty local part, a dot in the domain,
// no spaces, at most 254 characters.
Status validate_email(std::string_view email);

// Passwords: 8–256 bytes; anything else is the member's business.
inline constexpr size_t kPasswordMinLength = 8;
inline constexpr size_t kPasswordMaxLength = 256;
Status validate_password(std::string_view password);

// Valid UTF-8 without control characters other than newline and tab.
bool is_clean_utf8(std::string_view text, bool allow_newlines);

// Number of Unicode code points, assuming valid UTF-8.
size_t utf8_length(std::string_view text);

// Checks a free-text field: clean UTF-8 and at most max_chars code points.
Status validate_text(std::string_view field, std::string_view value, size_t max_chars,
                     bool allow_newlines);

// http(s) URL without spaces or control characters, at most 2048 characters.
Status validate_url(std::string_view field, std::string_view value);

}  // namespace kring
