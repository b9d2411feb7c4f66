#pragma once
// Keyset pagination in SQL, one way for every list: a list is read in the
// order of its sort key, a major column (a time, a count) or none, then the
// row's unique id, which breaks ties; a page starts strictly after the
// cursor's key, so rows inserted meanwhile before that key never shift a
// page and no row is served twice or skipped. The comparison is a row value,
// "(major, id) < (?, ?)", which SQLite runs as a range on an index whose
// columns end in the key (ties_by_source: ... created_at, then the rowid).
//
// The fragments bind their values at ?61 to ?63, a range no repository's
// own parameters reach, so a query keeps its own numbering. On the first
// page the key is a bound beyond every row, so each list has one statement
// text (and one cached prepared statement) for all its pages.

#include <optional>
#include <string>
#include <string_view>

#include "core/cursor.h"
#include "store/database.h"

namespace kring::store {

enum class SortOrder { kAscending, kDescending };

// SQL expressions of the list's sort key, e.g. {"t.created_at", "t.id",
// kDescending}; major is empty when the id alone orders the list.
struct SortKey {
  std::string_view major;
  std::string_view id;
  SortOrder order = SortOrder::kDescending;
};

class Keyset {
 public:
  // after: the key of the last row of the previous page (nullopt: first
  // page); limit: how many rows to read (the pager's fetch()).
  Keyset(SortKey key, std::optional<CursorKey> after, int limit)
      : key_(key), after_(after), limit_(limit) {}

  // The condition that keeps the rows after the cursor, for a WHERE (or a
  // HAVING, when the key is an aggregate).
  std::string after_cursor() const;
  // " ORDER BY <major> <dir>, <id> <dir> LIMIT ?63".
  std::string order_and_limit() const;
  // Binds the cursor's key and the limit; call after the query's own binds.
  void bind(Statement& st) const;

 private:
  SortKey key_;
  std::optional<CursorKey> after_;
  int limit_;
};

}  // namespace kring::store
