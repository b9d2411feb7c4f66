#pragma once
// Full-text search with SQLite FTS5 (bm25 ranking, prefix matching), every
// query restricted to what the viewer may read. Runs inside the caller's
// transaction.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

// Turns free text into an FTS5 query: each word quoted (no FTS syntax can be
// injected) and prefix-matched, all words required. Empty when q has no words.
std::string fts_query(std::string_view q);

enum class SearchTable { kMembers, kItems, kSpaces };

// Which hits to read, in rank order: `limit` of them from `offset`, among the
// rows with ids up to `newest` (the table's newest_id() when paging began).
// Search pages by offset, not keyset; social/search.cpp says why.
struct RankWindow {
  int offset = 0;
  int limit = 20;
  std::int64_t newest = 0;
};

class SearchRepository {
 public:
  explicit SearchRepository(Connection& conn) : conn_(conn) {}

  // The largest id in the table; ids grow as rows are added.
  std::int64_t newest_id(SearchTable table);

  // Best match first, then by id. A member matches only on fields the
  // viewer may see.
  std::vector<MemberId> members(MemberId viewer, const std::string& query, const RankWindow& w);
  std::vector<ItemId> items(MemberId viewer, const std::string& query, const RankWindow& w);
  std::vector<SpaceId> spaces(MemberId viewer, const std::string& query, const RankWindow& w);

 private:
  Connection& conn_;
};

// Rewrites a member's search row: each field goes to the column of its
// visibility (pub, mem, conn); the handle is always public.
void index_member_text(Connection& conn, const Member& member);

}  // namespace kring::store
