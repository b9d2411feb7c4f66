#pragma once
// Reading an item's `location` and `category` from a request body. The
// outer optional says whether the field was given, the inner one whether it
// was null (on PATCH: remove it). Ranges and the category list are the
// item rules' to check (social/items); a location that is not an object of
// numbers is refused here, with the same code.

#include <optional>
#include <string>

#include "core/item.h"
#include "core/result.h"
#include "http/json_input.h"
#include "http/request.h"

namespace kring::http {

Result<std::optional<std::optional<ItemLocation>>> location_field(const Json& body);
Result<std::optional<std::optional<std::string>>> category_field(const Json& body);
// A place in a query string as `lat` and `lon` (decimal degrees): none when
// neither is given; invalid_location when only one is, or one is not a
// finite number. Ranges, as for bodies, are the caller's to check.
Result<std::optional<ItemLocation>> location_query(const Request& request);

}  // namespace kring::http
