#pragma once
// Opaque list cursors. A cursor is a position in one list: the sort key of
// the last row a page served (a major column such as a time, a count or an
// offset, and the row's unique id, which breaks ties of the major column),
// sealed with a keyed MAC over the list it was issued for. A cursor the
// server did not issue for this very list (garbled, forged, edited, cut, or
// issued by another list or for other parameters) is refused with 400
// invalid_cursor before any row is read; so a cursor can only ever start a
// page at a row the list itself served. Clients cannot depend on its shape.
//
// The MAC key is process-wide: kring serve sets it at start-up from the data
// directory (cli/cursor_secret.h), so cursors survive a restart; a process
// that never sets it uses a random key for its lifetime.
// Thread-safe, except set_cursor_secret (see there).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kring {

struct CursorKey {
  std::int64_t major = 0;  // 0 when the id alone orders the list
  std::int64_t id = 0;
};

// `list` names the list and every parameter that selects its rows (e.g.
// "followers/alice", "search/items/coffee"): the same text on every page.
std::string encode_cursor(std::string_view list, CursorKey key);
// 400 invalid_cursor unless text is what encode_cursor(list, key) returned.
Result<CursorKey> decode_cursor(std::string_view list, std::string_view text);

inline constexpr std::size_t kCursorSecretBytes = 32;

// Replaces the MAC key; cursors issued under the old one stop decoding.
// REQUIRES: secret is kCursorSecretBytes long; no other thread encodes or
// decodes a cursor meanwhile (call it before the server starts).
void set_cursor_secret(std::string_view secret);

}  // namespace kring
