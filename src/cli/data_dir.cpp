#include "cli/data_dir.h"

#include <filesystem>

#include "store/migrations.h"

namespace kring::cli {

std::string database_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "kring.db").string();
}

Result<std::unique_ptr<store::Database>> open_data_dir(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error::invalid("bad_data_dir", "cannot create " + data_dir + ": " + ec.message());
  auto db = std::make_unique<store::Database>(database_path(data_dir));
  try {
    auto conn = db->lease();
    store::apply_migrations(*conn);
  } catch (const store::StoreError& e) {
    return Error::invalid("bad_database", std::string("cannot open database: ") + e.what());
  }
  return db;
}

}  // namespace kring::cli
