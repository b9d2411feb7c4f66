#pragma once
// GET /api/v1/items/similar: before a member posts a report or an idea, the
// open items of that kind that may be the same one (store/similar_items.h):
// the same category within kSimilarRadiusMeters of its place, nearest
// first, then those with a similar text; so that they can vote for or
// follow one instead of posting it again. Only what the viewer may read, as
// GET /api/v1/items lists it (the kReadFeed row; a space the viewer may not
// see answers 404 as there). Every input is checked before anything is
// read: a bad one is a 400 naming it.
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "store/database.h"
#include "store/similar_items.h"

namespace kring::social {

// At most this many are offered: a form shows them above its submit button.
inline constexpr int kSimilarItemsOffered = 5;
// The longest text compared, in bytes: a title and the start of a body.
inline constexpr std::size_t kSimilarTextMax = 4096;

// The query string as given; absent parameters are empty optionals.
struct SimilarItemsRequest {
  std::optional<std::string> kind;
  std::optional<std::string> space;  // slug
  std::optional<std::string> category;
  std::optional<ItemLocation> place;  // lat and lon, both given (http/place_input.h)
  std::optional<std::string> text;
};

struct SimilarItemsFound {
  std::vector<ItemView> items;
  int radius_m = store::kSimilarRadiusMeters;
};

class SimilarItems {
 public:
  explicit SimilarItems(store::Database& db) : db_(db) {}

  // 400, in this order: invalid_filter (no kind), unknown_kind, no_workflow
  // (a kind without statuses has nothing open or closed), unknown_category,
  // invalid_location (off the globe), invalid_filter (text too long),
  // nothing_to_compare (neither category with a place nor a text with a
  // word of store::kSimilarWordMin characters). Then the space: 404 (401 to
  // a visitor) when unknown or not visible, 403 when its content is for its
  // members.
  Result<SimilarItemsFound> find(const Actor& viewer, const SimilarItemsRequest& request);

 private:
  store::Database& db_;
};

}  // namespace kring::social
