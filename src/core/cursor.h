#pragma once
// Opaque list cursors: a (time, id) key encoded as base64url so clients
// cannot depend on its shape. Keyset pagination on (time desc, id desc)
// gives no duplicates or gaps while others insert.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kring {

struct CursorKey {
  std::int64_t time = 0;
  std::int64_t id = 0;
};

std::string encode_cursor(CursorKey key);
// 400 invalid_cursor when the text was not made by encode_cursor.
Result<CursorKey> decode_cursor(std::string_view text);

// Page size rules shared by every list: default 20, 1..100.
inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;

}  // namespace kring
