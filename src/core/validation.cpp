#include "core/validation.h"

#include <array>
#include <string>

namespace kring {

namespace {
constexpr std::array<std::string_view, 14> kReservedHandles = {
    "admin", "api",      "me",    "root",   "system", "kring",  "support",
    "help",  "settings", "login", "logout", "signup", "static", "assets"};
}

Status validate_handle(std::string_view handle) {
  if (handle.size() < kHandleMinLength || handle.size() > kHandleMaxLength) {
    return Error::invalid("invalid_handle", "handle must be 3 to 30 characters long");
  }
  if (handle[0] < 'a' || handle[0] > 'z') {
    return Error::invalid("invalid_handle", "handle must start with a lowercase letter a-z");
  }
  for (char c : handle) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) {
      return Error::invalid("invalid_handle",
                            "handle may contain only lowercase letters a-z, digits and '_'");
    }
  }
  for (auto reserved : kReservedHandles) {
    if (handle == reserved) {
      return Error::invalid("invalid_handle", "handle '" + std::string(handle) + "' is reserved");
    }
  }
  return {};
}

Status validate_email(std::string_view email) {
  auto at = email.find('@');
  bool ok = email.size() <= 254 && at != std::string_view::npos && at > 0 &&
            email.find('@', at + 1) == std::string_view::npos;
  if (ok) {
    auto domain = email.substr(at + 1);
    auto dot = domain.find('.');
    ok = dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
  }
  bool ascii = true;
  for (unsigned char c : email) {
    if (c <= ' ' || c == 0x7f) ok = false;
    if (c >= 0x80) ascii = false;
  }
  if (!ok) return Error::invalid("invalid_email", "email must look like name@example.org");
  if (!ascii) {
    return Error::invalid("invalid_email",
                          "email must be ASCII; write an international domain in its xn-- form");
  }
  return {};
}

Status validate_password(std::string_view password) {
  if (password.size() < kPasswordMinLength) {
    return Error::invalid("weak_password", "password must be at least 8 characters");
  }
  if (password.size() > kPasswordMaxLength) {
    return Error::invalid("too_long", "password must be at most 256 bytes");
  }
  return {};
}

bool is_clean_utf8(std::string_view text, bool allow_newlines) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && !(allow_newlines && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f) {
        return false;
      }
      ++i;
      continue;
    }
    size_t len;
    unsigned int cp;
    if ((c & 0xe0) == 0xc0) {
      len = 2;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > text.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    // C1 controls (U+0080-U+009F) include CSI, a terminal escape: refused like C0.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff || (cp >= 0x80 && cp <= 0x9f)) {
      return false;
    }
    i += len;
  }
  return true;
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xc0) != 0x80) ++n;
  }
  return n;
}

namespace {

enum class Where { kEverywhere, kSingleLine };

struct DeceptiveRange {
  char32_t first;
  char32_t last;
  Where where;
  std::string_view name;
};

constexpr DeceptiveRange kDeceptive[] = {
    {0x00ad, 0x00ad, Where::kSingleLine, "soft hyphen"},
    {0x034f, 0x034f, Where::kSingleLine, "combining grapheme joiner"},
    {0x061c, 0x061c, Where::kEverywhere, "Arabic letter mark"},
    {0x115f, 0x1160, Where::kSingleLine, "Hangul filler"},
    {0x180e, 0x180e, Where::kSingleLine, "Mongolian vowel separator"},
    {0x200b, 0x200b, Where::kSingleLine, "zero width space"},
    {0x200e, 0x200e, Where::kEverywhere, "left-to-right mark"},
    {0x200f, 0x200f, Where::kEverywhere, "right-to-left mark"},
    {0x2028, 0x2028, Where::kEverywhere, "line separator"},
    {0x2029, 0x2029, Where::kEverywhere, "paragraph separator"},
    {0x202a, 0x202a, Where::kEverywhere, "left-to-right embedding"},
    {0x202b, 0x202b, Where::kEverywhere, "right-to-left embedding"},
    {0x202c, 0x202c, Where::kEverywhere, "pop directional formatting"},
    {0x202d, 0x202d, Where::kEverywhere, "left-to-right override"},
    {0x202e, 0x202e, Where::kEverywhere, "right-to-left override"},
    {0x2060, 0x2060, Where::kSingleLine, "word joiner"},
    {0x2061, 0x2064, Where::kSingleLine, "invisible operator"},
    {0x2066, 0x2066, Where::kEverywhere, "left-to-right isolate"},
    {0x2067, 0x2067, Where::kEverywhere, "right-to-left isolate"},
    {0x2068, 0x2068, Where::kEverywhere, "first strong isolate"},
    {0x2069, 0x2069, Where::kEverywhere, "pop directional isolate"},
    {0x206a, 0x206f, Where::kSingleLine, "deprecated format control"},
    {0x3164, 0x3164, Where::kSingleLine, "Hangul filler"},
    {0xfeff, 0xfeff, Where::kSingleLine, "zero width no-break space"},
    {0xffa0, 0xffa0, Where::kSingleLine, "Hangul filler"},
    {0xfff9, 0xfffb, Where::kSingleLine, "interlinear annotation"},
};

constexpr char32_t kZwnj = 0x200c;
constexpr char32_t kZwj = 0x200d;
constexpr char32_t kWavingBlackFlag = 0x1f3f4;

bool is_variation_selector(char32_t c) {
  return (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
}
bool is_tag(char32_t c) { return c >= 0xe0000 && c <= 0xe007f; }
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f || c == 0x3000;
}

const DeceptiveRange* deceptive_range(char32_t c) {
  for (const auto& r : kDeceptive) {
    if (c >= r.first && c <= r.last) return &r;
  }
  return nullptr;
}

// A character a joiner may join, or a variation selector may follow: not a
// space, not invisible, not itself a joiner or selector.
bool is_visible(char32_t c) {
  return !is_space(c) && !deceptive_range(c) && c != kZwj && c != kZwnj &&
         !is_variation_selector(c) && !is_tag(c);
}

// Decodes valid UTF-8 (REQUIRES is_clean_utf8) into code points.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string code_point_label(char32_t c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (char32_t v = c; v > 0 || digits.size() < 4; v >>= 4)
    digits.insert(digits.begin(), kHex[v & 0xf]);
  return "U+" + digits;
}

}  // namespace

std::optional<DeceptiveCharacter> find_deceptive_character(std::string_view text, bool multi_line) {
  std::u32string cps = code_points(text);
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (const auto* range = deceptive_range(c)) {
      if (range->where == Where::kEverywhere || !multi_line)
        return DeceptiveCharacter{c, range->name};
      continue;
    }
    if (multi_line) continue;
    char32_t before = i > 0 ? cps[i - 1] : U' ';
    char32_t after = i + 1 < cps.size() ? cps[i + 1] : U' ';
    if (c == kZwj || c == kZwnj) {
      // An emoji's presentation selector or a flag's cancel tag may come
      // right before a ZWJ ("heart on fire" is U+2764 U+FE0F U+200D U+1F525).
      bool joins = (is_visible(before) || is_variation_selector(before) || before == 0xe007f) &&
                   is_visible(after);
      if (!joins)
        return DeceptiveCharacter{c, c == kZwj ? "zero width joiner" : "zero width non-joiner"};
    } else if (is_variation_selector(c)) {
      if (!is_visible(before)) return DeceptiveCharacter{c, "variation selector"};
    } else if (is_tag(c)) {
      if (before != kWavingBlackFlag && !is_tag(before))
        return DeceptiveCharacter{c, "tag character"};
    }
  }
  return std::nullopt;
}

Status validate_text(std::string_view field, std::string_view value, size_t max_chars,
                     bool allow_newlines) {
  if (!is_clean_utf8(value, allow_newlines)) {
    return Error::invalid("invalid_text",
                          std::string(field) + " must be valid UTF-8 without control characters");
  }
  if (auto bad = find_deceptive_character(value, allow_newlines)) {
    return Error::invalid("invalid_character", std::string(field) + " must not contain " +
                                                   code_point_label(bad->code_point) + " (" +
                                                   std::string(bad->name) + ")");
  }
  if (utf8_length(value) > max_chars) {
    return Error::invalid("too_long", std::string(field) + " must be at most " +
                                          std::to_string(max_chars) + " characters");
  }
  return {};
}

Status validate_url(std::string_view field, std::string_view value) {
  bool scheme_ok = value.starts_with("https://") || value.starts_with("http://");
  bool chars_ok = value.size() <= 2048;
  for (unsigned char c : value) {
    if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') chars_ok = false;
  }
  if (!scheme_ok || !chars_ok) {
    return Error::invalid("invalid_url",
                          std::string(field) + " must be an http:// or https:// URL");
  }
  return {};
}

}  // namespace kring
