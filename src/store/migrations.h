#pragma once
// Numbered schema migrations. Each runs once, in order, in its own
// transaction; the applied version is kept in PRAGMA user_version.

#include <string_view>

#include "store/database.h"

namespace kring::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// Applies every migration newer than the database's version, up to and
// including `up_to` (tests build an older release's schema this way).
// Returns the number applied. Throws StoreError if one fails (that one is
// rolled back).
int apply_migrations(Connection& conn, int up_to = 0x7fffffff);

// The version the newest migration brings a database to.
// How many migrations have a version above `version`: what
// apply_migrations applies to a database at that version (versions may
// have gaps while branches that add migrations are merged).
int migrations_after(int version);
int latest_schema_version();

}  // namespace kring::store
