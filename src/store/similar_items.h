#pragma once
// The duplicate check before an item is posted: the open items of a kind
// that look like the one being written, as SQL. First those of the same
// category within kSimilarRadiusMeters of its place (the item_places
// R*Tree's box, then the exact great-circle distance), nearest first; then
// those whose text is like it (items_fts, best match first), without
// repeating one. Open is the kind table's (core/kinds.h: not at one of the
// kind's closed_statuses); only items the viewer may read (the items' read
// rule, store/item_visibility_sql.h), as GET /api/v1/items lists them.
// Runs inside the caller's transaction.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

// How near an item of the same category must be to count as the same
// problem: a street's length, FixMyStreet's order of magnitude for "nearby".
inline constexpr int kSimilarRadiusMeters = 250;

// Words shorter than this say too little to call two texts alike ("de",
// "a", "on").
inline constexpr int kSimilarWordMin = 3;

struct SimilarItemsQuery {
  MemberId viewer = 0;  // 0: a visitor
  std::string kind;
  std::optional<SpaceId> space;
  std::optional<std::string> category;
  std::optional<double> lat, lon;
  std::optional<std::string> text;
  int limit = 5;
};

// The similar open items, at most q.limit: the place part when category,
// lat and lon are all given, the text part when text has words to compare.
// An unknown kind, or one without workflow, has no open items: empty.
// REQUIRES: lat and lon on the globe (core/item.h on_globe).
std::vector<ItemId> similar_open_items(Connection& conn, const SimilarItemsQuery& q);

// Whether `text` has a word of at least kSimilarWordMin characters, which
// is what makes a text worth comparing (common words such as "the" or "het"
// count here but are then not compared, so such a text finds nothing).
bool comparable_text(std::string_view text);

// The words of `text` worth comparing, lowercased (ASCII) and each once, in
// the order written, at most 16: those of at least kSimilarWordMin
// characters that are not common in the instance's languages ("the",
// "het"). Letters and digits only (store/search_repository.h fts_query's
// words), so each may be quoted into an FTS5 query as it is.
std::vector<std::string> telling_words(std::string_view text);

}  // namespace kring::store
