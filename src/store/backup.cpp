#include "store/backup.h"

namespace kring::store {

Status backup_database(Database& db, const std::string& destination) {
  auto conn = db.lease();
  sqlite3* target = nullptr;
  if (sqlite3_open(destination.c_str(), &target) != SQLITE_OK) {
    std::string msg = target ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    return Error::invalid("backup_failed", "cannot open " + destination + ": " + msg);
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", conn->raw(), "main");
  int rc = SQLITE_ERROR;
  if (backup) {
    // 1024 pages per step lets writers in between steps on a busy server.
    do {
      rc = sqlite3_backup_step(backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
  }
  std::string msg = sqlite3_errmsg(target);
  sqlite3_close(target);
  if (rc != SQLITE_DONE) return Error::invalid("backup_failed", "backup failed: " + msg);
  return {};
}

}  // namespace kring::store
