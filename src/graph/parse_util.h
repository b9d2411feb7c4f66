#pragma once
// Shared pieces of the file readers: line-numbered errors, number parsing
// and label checks. Every reader reports problems as
//   Error::invalid("parse_error", "line N: what is wrong")
// and never crashes on hostile input (fuzzed in fuzz/graph/).
//
// Thread-safety: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace kring::graph {

// Longest node label accepted, in bytes.
inline constexpr std::size_t kMaxLabelBytes = 1024;

Error parse_error(std::size_t line, std::string_view message);

// A finite number >= 0, or nullopt ("1", "2.5", "1e-3"; not "nan", "-1").
std::optional<double> parse_weight(std::string_view text);
// A decimal integer without sign in [0, limit].
std::optional<std::uint64_t> parse_unsigned(std::string_view text, std::uint64_t limit);

// Empty when `label` is usable as a node label: non-empty, at most
// kMaxLabelBytes, valid UTF-8 and free of control characters. Otherwise the
// reason, for the error message.
std::string label_problem(std::string_view label);

// The text shown for a bad token in an error message: at most 40 bytes,
// control and non-ASCII bytes escaped.
std::string quote_token(std::string_view token);

std::string_view trim(std::string_view s);

}  // namespace kring::graph
