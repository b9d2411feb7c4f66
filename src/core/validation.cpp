#include "core/validation.h"

#include <array>
#include <string>

namespace kring {

namespace {
constexpr std::array<std::string_view, 14> kReservedHandles = {
    "admin", "api", "me", "root", "system", "kring", "support", "help",
    "settings", "login", "logout", "signup", "static", "assets"};
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
  for (unsigned char c : email) {
    if (c <= ' ' || c == 0x7f) ok = false;
  }
  if (!ok) return Error::invalid("invalid_email", "email must look like name@example.org");
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

Status validate_text(std::string_view field, std::string_view value, size_t max_chars,
                     bool allow_newlines) {
  if (!is_clean_utf8(value, allow_newlines)) {
    return Error::invalid("invalid_text", std::string(field) +
                                              " must be valid UTF-8 without control characters");
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
