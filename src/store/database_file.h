#pragma once
// Which database file a connection reads: the key under which services that
// are built over one database find each other from a bare connection
// (social/instance_communities.h).

#include <string>

#include "store/database.h"

namespace kring::store {

// The absolute path of the connection's main database file, as SQLite
// resolved it (so two spellings of one path give one answer); empty for an
// in-memory or temporary database.
std::string database_file(Connection& conn);

}  // namespace kring::store
