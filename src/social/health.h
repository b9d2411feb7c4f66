#pragma once
// Whether the instance can serve: the database answers a read. Thread-safe.

#include "store/database.h"

namespace kring::social {

class Health {
 public:
  explicit Health(store::Database& db) : db_(db) {}

  // Returns when the database answered a read of the schema; throws
  // store::StoreError when it did not (the dispatcher answers 500).
  void check_database();

 private:
  store::Database& db_;
};

}  // namespace kring::social
