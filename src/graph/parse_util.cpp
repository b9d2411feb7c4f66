#include "graph/parse_util.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace kring::graph {

Error parse_error(std::size_t line, std::string_view message) {
  return Error::invalid("parse_error",
                        "line " + std::to_string(line) + ": " + std::string(message));
}

std::optional<double> parse_weight(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text, std::uint64_t limit) {
  text = trim(text);
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty() || value > limit) return std::nullopt;
  return value;
}

std::string label_problem(std::string_view label) {
  if (label.empty()) return "empty node label";
  if (label.size() > kMaxLabelBytes) {
    return "node label longer than " + std::to_string(kMaxLabelBytes) + " bytes";
  }
  for (std::size_t i = 0; i < label.size();) {
    const auto c = static_cast<unsigned char>(label[i]);
    if (c < 0x20 || c == 0x7f) return "control character in node label";
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xe  ? 3
                      : (c >> 3) == 0x1e ? 4
                                         : 0;
    if (len == 0 || i + len > label.size()) return "node label is not valid UTF-8";
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(label[i + k]) >> 6) != 0x2) {
        return "node label is not valid UTF-8";
      }
    }
    const auto c1 = len > 1 ? static_cast<unsigned char>(label[i + 1]) : 0;
    if ((len == 2 && c < 0xc2) || (c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0) ||
        (c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90) || c > 0xf4) {
      return "node label is not valid UTF-8";
    }
    i += len;
  }
  return {};
}

std::string quote_token(std::string_view token) {
  std::string out = "'";
  const std::size_t shown = std::min<std::size_t>(token.size(), 40);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    if (c < 0x20 || c >= 0x7f || c == '\'') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (token.size() > shown) out += "...";
  return out + "'";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace kring::graph
