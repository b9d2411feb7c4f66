#pragma once
// Online backup with SQLite's backup API: a consistent copy while the
// server keeps serving.

#include <string>

#include "core/result.h"
#include "store/database.h"

namespace kring::store {

Status backup_database(Database& db, const std::string& destination);

}  // namespace kring::store
