#pragma once
// SQLite access: a pool of connections to one database file, RAII
// statements and transactions. Only store/ includes this header.
//
// Thread-safety: Database is shared by all threads; a Connection is used by
// one thread at a time (lease it from the pool). Statements belong to their
// connection and are cached there, prepared once.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace kring::store {

class Connection;

// A prepared statement borrowed from a connection's cache; reset and
// unbound when it goes out of scope, so it can be reused.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds by 1-based position. Strings are copied (SQLITE_TRANSIENT).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind_null(int index);
  // Binds an optional: NULL when empty.
  Statement& bind_optional(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Steps once: true when a row is available. Throws StoreError on failure.
  bool step();
  // Rewinds a statement stepped part-way so it can be bound again.
  void reset() { sqlite3_reset(stmt_); }
  // Runs to completion and resets, so the statement can be bound again.
  void run();

  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string text(int column) const;
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// A failure of the database itself (disk full, corruption, a constraint the
// code should have checked first). Exceptional: surfaces as a 500.
class StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Connection {
 public:
  // Opens (creating if absent) and applies kring's pragmas: WAL, foreign
  // keys, busy timeout, synchronous=FULL (an acknowledged write is on disk).
  explicit Connection(const std::string& path);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Returns the cached prepared statement for this SQL text.
  Statement prepare(std::string_view sql);
  // Runs one or more statements without results (schema, pragmas).
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// One transaction: BEGIN IMMEDIATE for writes (takes the write lock up front,
// so two writers never deadlock on upgrade), DEFERRED for reads. Rolls back in
// the destructor unless commit() ran.
class Transaction {
 public:
  enum class Kind { kRead, kWrite };
  Transaction(Connection& conn, Kind kind);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& conn_;
  bool open_ = true;
};

class Database;

// Exclusive use of one pooled connection; returns it to the pool on scope exit.
class ConnectionLease {
 public:
  ConnectionLease(Database& db, std::unique_ptr<Connection> conn)
      : db_(&db), conn_(std::move(conn)) {}
  ConnectionLease(ConnectionLease&&) = default;
  ConnectionLease& operator=(ConnectionLease&&) = default;
  ~ConnectionLease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  // path: the SQLite file (created if absent). Thread-safe.
  explicit Database(std::string path) : path_(std::move(path)) {}
  ConnectionLease lease();
  const std::string& path() const { return path_; }

 private:
  friend class ConnectionLease;
  void give_back(std::unique_ptr<Connection> conn);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace kring::store
