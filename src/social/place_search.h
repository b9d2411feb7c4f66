#pragma once
// Address suggestions for the location picker (GET /api/v1/places?q=):
// there is no geocoder offline, so the addresses already on items the
// viewer may read are what a member can pick from. An item the viewer may
// not read never lends its address (store/place_search.h applies the
// items' read rule). Thread-safe: every call leases its own connection.

#include <string>
#include <vector>

#include "core/result.h"
#include "social/actor.h"
#include "store/database.h"

namespace kring::social {

struct Place {
  std::string address;
  double lat = 0;
  double lon = 0;
};

// The most suggestions one answer holds.
inline constexpr int kMaxPlaceSuggestions = 8;

class PlaceSearch {
 public:
  explicit PlaceSearch(store::Database& db) : db_(db) {}
  // Distinct addresses containing q (trimmed, 1..200 characters), those
  // starting with it first; at most kMaxPlaceSuggestions. Errors:
  // missing_query (q blank), too_long, invalid_text, invalid_character
  // (core/validation.h).
  Result<std::vector<Place>> suggest(const Actor& viewer, const std::string& q);

 private:
  store::Database& db_;
};

}  // namespace kring::social
