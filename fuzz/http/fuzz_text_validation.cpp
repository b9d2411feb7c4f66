// The free-text rules of core/validation.h against an independent reading
// of their contracts.
// Oracle: is_clean_utf8 agrees with a decoder written from the Unicode
// table of well-formed byte sequences (Unicode 15, Table 3-7) plus the
// header's "no control characters other than newline and tab" (every Cc
// code point: C0, DEL and C1; '\r' is let through with newlines because
// browsers send CRLF); utf8_length counts what that decoder counts and never
// exceeds the size; validate_text/handle/email/url accept exactly what their
// comments describe.

#include <array>
#include <optional>
#include <string>

#include "core/validation.h"
#include "fuzz_check.h"

namespace {

// Code points of well-formed UTF-8, or nullopt.
std::optional<std::u32string> decode_utf8(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  auto cont = [&](size_t k, unsigned lo, unsigned hi) {
    if (i + k >= s.size()) return false;
    unsigned b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  while (i < s.size()) {
    unsigned b0 = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    if (b0 <= 0x7f) {
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      len = cont(1, 0x80, 0xbf) ? 2 : 0;
    } else if (b0 == 0xe0) {
      len = cont(1, 0xa0, 0xbf) && cont(2, 0x80, 0xbf) ? 3 : 0;
    } else if ((b0 >= 0xe1 && b0 <= 0xec) || b0 == 0xee || b0 == 0xef) {
      len = cont(1, 0x80, 0xbf) && cont(2, 0x80, 0xbf) ? 3 : 0;
    } else if (b0 == 0xed) {
      len = cont(1, 0x80, 0x9f) && cont(2, 0x80, 0xbf) ? 3 : 0;
    } else if (b0 == 0xf0) {
      len = cont(1, 0x90, 0xbf) && cont(2, 0x80, 0xbf) && cont(3, 0x80, 0xbf) ? 4 : 0;
    } else if (b0 >= 0xf1 && b0 <= 0xf3) {
      len = cont(1, 0x80, 0xbf) && cont(2, 0x80, 0xbf) && cont(3, 0x80, 0xbf) ? 4 : 0;
    } else if (b0 == 0xf4) {
      len = cont(1, 0x80, 0x8f) && cont(2, 0x80, 0xbf) && cont(3, 0x80, 0xbf) ? 4 : 0;
    }
    if (len == 0) return std::nullopt;
    char32_t cp = len == 1 ? b0 : len == 2 ? b0 & 0x1f : len == 3 ? b0 & 0x0f : b0 & 0x07;
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out += cp;
    i += len;
  }
  return out;
}

bool is_control(char32_t cp, bool allow_newlines) {
  if (allow_newlines && (cp == '\n' || cp == '\t' || cp == '\r')) return false;
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

std::optional<size_t> clean_length(std::string_view s, bool allow_newlines) {
  auto cps = decode_utf8(s);
  if (!cps) return std::nullopt;
  for (char32_t cp : *cps) {
    if (is_control(cp, allow_newlines)) return std::nullopt;
  }
  return cps->size();
}

bool handle_ok(std::string_view h) {
  static constexpr std::array<std::string_view, 14> kReserved = {
      "admin", "api", "me", "root", "system", "kring", "support", "help",
      "settings", "login", "logout", "signup", "static", "assets"};
  if (h.size() < 3 || h.size() > 30 || h[0] < 'a' || h[0] > 'z') return false;
  for (char c : h) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  for (auto r : kReserved) {
    if (h == r) return false;
  }
  return true;
}

bool email_ok(std::string_view e) {
  if (e.size() > 254) return false;
  for (unsigned char c : e) {
    if (c <= ' ' || c == 0x7f) return false;
  }
  size_t at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.rfind('@') != at) return false;
  std::string_view domain = e.substr(at + 1);
  size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = kring::fuzz::as_text(data, size);

  size_t length = kring::utf8_length(text);
  KRING_FUZZ_CHECK(length <= text.size());
  for (bool newlines : {false, true}) {
    bool clean = kring::is_clean_utf8(text, newlines);
    auto expected = clean_length(text, newlines);
    KRING_FUZZ_CHECK(clean == expected.has_value());
    if (!clean) continue;
    KRING_FUZZ_CHECK(length == *expected);
    for (size_t max_chars : {size_t{0}, size_t{1}, size_t{50}, size_t{500}}) {
      bool ok = kring::validate_text("field", text, max_chars, newlines).ok();
      KRING_FUZZ_CHECK(ok == (length <= max_chars));
    }
  }
  if (!kring::is_clean_utf8(text, true)) {
    KRING_FUZZ_CHECK(!kring::validate_text("field", text, 1 << 20, true).ok());
  }

  KRING_FUZZ_CHECK(kring::validate_handle(text).ok() == handle_ok(text));
  KRING_FUZZ_CHECK(kring::validate_email(text).ok() == email_ok(text));

  if (kring::validate_url("url", text).ok()) {
    KRING_FUZZ_CHECK(text.starts_with("http://") || text.starts_with("https://"));
    KRING_FUZZ_CHECK(text.size() <= 2048);
    for (unsigned char c : text) {
      KRING_FUZZ_CHECK(c > ' ' && c != 0x7f && c != '"' && c != '<' && c != '>');
    }
  }
  return 0;
}
