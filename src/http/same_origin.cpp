#include "http/same_origin.h"

namespace kring::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool authority_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
         c == '[' || c == ']';
}

}  // namespace

std::string normalize_origin(std::string_view value) {
  std::string s = lower(value);
  if (s.ends_with('/')) s.pop_back();
  std::string_view rest;
  if (s.starts_with("http://")) {
    rest = std::string_view(s).substr(7);
  } else if (s.starts_with("https://")) {
    rest = std::string_view(s).substr(8);
  } else {
    return {};
  }
  if (rest.empty()) return {};
  for (unsigned char c : rest) {
    if (!authority_byte(c)) return {};
  }
  return s;
}

bool is_own_origin(std::string_view origin, std::string_view host, std::string_view public_origin) {
  std::string normalized = normalize_origin(origin);
  if (normalized.empty()) return false;
  if (!public_origin.empty() && normalized == normalize_origin(public_origin)) return true;
  std::string_view authority = normalized;
  authority.remove_prefix(authority.find("://") + 3);
  return !host.empty() && authority == lower(host);
}

}  // namespace kring::http
