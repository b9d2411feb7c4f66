#pragma once
// Open data: a space's ideas and reports, for anyone who may read the space,
// as rows with no personal data beyond the author's public handle
// (store/open_data_repository.h). The space answers as its feed does (a
// secret one 404 to an outsider, exactly as a missing one; a closed one's
// content only to its members, kReadFeed); the rows are the ones the items'
// read rule gives the viewer, without hidden items.
// Thread-safe: every call leases its own connection.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "social/actor.h"
#include "store/database.h"
#include "store/open_data_repository.h"

namespace kring::social {

using OpenDataRow = store::OpenDataRow;

// The kinds open data covers, in the order a `kind` filter names them.
inline constexpr std::string_view kOpenDataKinds[] = {"idea", "report"};

struct OpenDataRequest {
  std::string space;                // slug
  std::optional<std::string> kind;  // one of kOpenDataKinds; absent: both
};

class OpenData {
 public:
  explicit OpenData(store::Database& db) : db_(db) {}

  // Checks the request and the viewer's access; on success calls `begin`
  // once with the space's slug, then `row` for every row, oldest first, all
  // read in one read transaction (one consistent snapshot) in batches of
  // kBatch. On failure neither is called. Bad kind: 400 invalid_filter.
  Status write(const Actor& viewer, const OpenDataRequest& request,
               const std::function<void(std::string_view slug)>& begin,
               const std::function<void(const OpenDataRow&)>& row);

  static constexpr int kBatch = 1000;

 private:
  store::Database& db_;
};

}  // namespace kring::social
