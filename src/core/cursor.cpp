#include "core/cursor.h"

#include <charconv>

#include "core/secrets.h"

namespace kring {

namespace {
constexpr std::string_view kCursorPrefix = "k1:";
}

std::string encode_cursor(CursorKey key) {
  std::string plain(kCursorPrefix);
  plain += std::to_string(key.time);
  plain += ':';
  plain += std::to_string(key.id);
  return base64url_encode(plain);
}

Result<CursorKey> decode_cursor(std::string_view text) {
  Error bad = Error::invalid("invalid_cursor", "cursor is not one this server issued");
  std::string plain;
  if (text.size() > 128 || !base64url_decode(text, plain) || !plain.starts_with(kCursorPrefix)) {
    return bad;
  }
  std::string_view rest = std::string_view(plain).substr(kCursorPrefix.size());
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return bad;
  CursorKey key;
  auto a = rest.substr(0, colon);
  auto b = rest.substr(colon + 1);
  auto ra = std::from_chars(a.data(), a.data() + a.size(), key.time);
  auto rb = std::from_chars(b.data(), b.data() + b.size(), key.id);
  if (ra.ec != std::errc() || ra.ptr != a.data() + a.size() || rb.ec != std::errc() ||
      rb.ptr != b.data() + b.size() || a.empty() || b.empty()) {
    return bad;
  }
  return key;
}

}  // namespace kring
