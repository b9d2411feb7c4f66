#pragma once
// A space's ideas and reports as open data (social/open_data.h): one row per
// item with the fields a resident or researcher needs, and nothing personal
// beyond the author's public handle. The rows are those the items' read rule
// (store/item_visibility_sql.h) gives the viewer, without hidden items, read
// oldest first in keyset-paged batches so a large space never sits in memory
// whole. Runs inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "store/database.h"

namespace kring::store {

struct OpenDataRow {
  ItemId id = 0;
  std::string kind;
  std::string title;
  std::string status;
  std::optional<std::string> category;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<std::string> address;
  std::int64_t votes = 0;  // items.vote_count: votes of members in good standing
  Micros created_at = 0;
  std::optional<Micros> status_changed_at;  // the latest status change; none: never moved
  std::int64_t status_changes = 0;
  // The note of the latest status change that has one and whose actor's
  // content the viewer is shown (as the status history shows it); empty if none.
  std::string last_note;
  std::optional<std::string> author;   // handle; empty when not shown to the viewer
  std::optional<ItemId> duplicate_of;  // when the viewer may read the original
};

struct OpenDataQuery {
  MemberId viewer = 0;
  SpaceId space = 0;
  std::vector<std::string> kinds;  // one or two kinds; the rows have one of them
  std::optional<ItemId> after;     // the last id of the previous batch
  int limit = 1000;
};

// The next batch of rows after query.after, in id order (oldest first), at
// most query.limit.
std::vector<OpenDataRow> open_data_rows(Connection& conn, const OpenDataQuery& query);

}  // namespace kring::store
