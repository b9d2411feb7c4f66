#include "store/database_file.h"

namespace kring::store {

std::string database_file(Connection& conn) {
  const char* file = sqlite3_db_filename(conn.raw(), "main");
  return file ? std::string(file) : std::string();
}

}  // namespace kring::store
