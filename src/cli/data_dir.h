#pragma once
// The data directory: DIR/kring.db holds the instance. Opening it creates
// the directory and applies pending migrations.

#include <memory>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace kring::cli {

std::string database_path(const std::string& data_dir);
Result<std::unique_ptr<store::Database>> open_data_dir(const std::string& data_dir);

}  // namespace kring::cli
