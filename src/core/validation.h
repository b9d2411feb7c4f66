#pragma once
// Rules for values that come from outside, shared by every layer that
// accepts them. Each returns an Error naming the field and what is wrong.

#include <optional>
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
// no spaces, at most 254 characters, ASCII only. Addresses are unique and
// matched ignoring case (store: COLLATE NOCASE), and SQLite folds only
// ASCII case: with non-ASCII allowed, "Élise@x.org" and "élise@x.org" (or
// é composed and decomposed) would be two accounts for one mailbox, and
// exact Unicode folding and normalisation need tables kring does not carry.
// An internationalised domain is written in its xn-- form; mailboxes with a
// non-ASCII local part (RFC 6531) are rare enough to refuse with a message.
Status validate_email(std::string_view email);

// Passwords: 8–256 bytes; anything else is the member's business.
inline constexpr size_t kPasswordMinLength = 8;
inline constexpr size_t kPasswordMaxLength = 256;
Status validate_password(std::string_view password);

// Valid UTF-8 without control characters other than newline and tab.
bool is_clean_utf8(std::string_view text, bool allow_newlines);

// Number of Unicode code points, assuming valid UTF-8.
size_t utf8_length(std::string_view text);

// Characters that make text read differently from what it is, refused in
// what members type (security issue 8, "deceptive names"):
// - everywhere: bidirectional controls (U+202A-U+202E embeddings and
//   overrides, U+2066-U+2069 isolates, U+200E/U+200F/U+061C marks), which
//   turn "gnp.exe" into "exe.png" on screen, and U+2028/U+2029 line and
//   paragraph separators, which break lines where no newline shows;
// - in single-line fields (names, titles, places, skills, queries) also
//   invisible characters: U+200B zero width space, U+2060-U+2064 word joiner
//   and invisible operators, U+206A-U+206F deprecated format controls,
//   U+FEFF, U+180E, U+00AD soft hyphen, U+034F, U+FFF9-U+FFFB, the Hangul
//   fillers (U+115F, U+1160, U+3164, U+FFA0, the classic "blank name"), and
//   tag characters (U+E0000-U+E007F) outside an emoji flag (U+1F3F4 ...).
// Joiners are needed, so they are refused only where they join nothing:
// U+200D ZWJ builds emoji sequences (family, "heart on fire") and Indic
// conjuncts, U+200C ZWNJ is part of Persian and Urdu spelling, variation
// selectors (U+FE00-U+FE0F, U+E0100-U+E01EF) pick emoji or text style. In a
// single-line field ZWJ/ZWNJ must stand between two visible characters and a
// variation selector must follow one; alone, at an edge or next to a space
// they only pad or split a name invisibly. Multi-line fields (bios, bodies,
// descriptions) keep them all: they carry prose in every script.
struct DeceptiveCharacter {
  char32_t code_point;
  std::string_view name;
};
// The first such character in valid UTF-8 text, or nullopt.
std::optional<DeceptiveCharacter> find_deceptive_character(std::string_view text, bool multi_line);

// Checks a free-text field: clean UTF-8 (400 invalid_text), no deceptive
// character (400 invalid_character, naming the field and the character, as
// "display_name must not contain U+202E (right-to-left override)") and at
// most max_chars code points. allow_newlines marks a multi-line field.
Status validate_text(std::string_view field, std::string_view value, size_t max_chars,
                     bool allow_newlines);

// http(s) URL without spaces or control characters, at most 2048 characters.
Status validate_url(std::string_view field, std::string_view value);

}  // namespace kring
