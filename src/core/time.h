#pragma once
// Time as microseconds since the Unix epoch (UTC); RFC 3339 at the edges.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kring {

using Micros = std::int64_t;

// Wall-clock now. Thread-safe.
Micros now_micros();

// "2026-11-23T19:21:05.123456Z" (microseconds kept only when non-zero).
std::string format_rfc3339(Micros t);

// Accepts RFC 3339 with a Z or +hh:mm offset and optional fraction, for
// real calendar dates in years 0001-9999 (UTC); nullopt otherwise.
std::optional<Micros> parse_rfc3339(std::string_view text);

}  // namespace kring
