#pragma once
// The key that seals list cursors (core/cursor.h), kept in the data
// directory as DIR/cursor.key (64 hex digits, mode 0600) so that cursors a
// client holds stay valid across restarts. Made on first use.

#include <string>

#include "core/result.h"

namespace kring::cli {

// Reads DIR/cursor.key, creating it with a random key when absent, and makes
// it the process's cursor key. An unreadable or malformed file is an error
// (the operator should see it, not have every cursor silently replaced).
// REQUIRES: sodium_init() has run; no thread uses cursors yet.
Status load_cursor_secret(const std::string& data_dir);

}  // namespace kring::cli
