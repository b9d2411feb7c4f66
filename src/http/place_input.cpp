#include "http/place_input.h"

#include <charconv>
#include <cmath>

namespace kring::http {

namespace {

Error bad_location() {
  return Error::invalid("invalid_location",
                        "location must be an object {lat, lon, address?} of numbers in degrees");
}

// The whole of `text` as a finite number.
std::optional<double> number(const std::string& text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto r = std::from_chars(text.data(), end, v);
  if (r.ec != std::errc() || r.ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

Result<std::optional<ItemLocation>> location_query(const Request& request) {
  const bool has_lat = request.has_query("lat");
  const bool has_lon = request.has_query("lon");
  if (!has_lat && !has_lon) return std::optional<ItemLocation>();
  if (has_lat != has_lon) {
    return Error::invalid("invalid_location", "lat and lon come together, or neither is given");
  }
  auto lat = number(request.query_value("lat"));
  auto lon = number(request.query_value("lon"));
  if (!lat || !lon) {
    return Error::invalid("invalid_location", "lat and lon must be numbers in degrees");
  }
  return std::optional<ItemLocation>(ItemLocation{*lat, *lon, ""});
}

Result<std::optional<std::optional<ItemLocation>>> location_field(const Json& body) {
  using Out = std::optional<std::optional<ItemLocation>>;
  auto it = body.find("location");
  if (it == body.end()) return Out();
  if (it->is_null()) return Out(std::optional<ItemLocation>());
  if (!it->is_object()) return bad_location();
  for (const auto& [key, value] : it->items()) {
    if (key != "lat" && key != "lon" && key != "address") return bad_location();
  }
  auto lat = it->find("lat");
  auto lon = it->find("lon");
  if (lat == it->end() || lon == it->end() || !lat->is_number() || !lon->is_number()) {
    return bad_location();
  }
  ItemLocation location{lat->get<double>(), lon->get<double>(), ""};
  auto address = optional_string(*it, "address", 2048);
  if (!address) return std::move(address).error();
  if (*address) location.address = **address;
  return Out(std::optional<ItemLocation>(std::move(location)));
}

Result<std::optional<std::optional<std::string>>> category_field(const Json& body) {
  using Out = std::optional<std::optional<std::string>>;
  auto it = body.find("category");
  if (it == body.end()) return Out();
  if (it->is_null()) return Out(std::optional<std::string>());
  auto category = optional_string(body, "category", 64);
  if (!category) return std::move(category).error();
  return Out(*category);
}

}  // namespace kring::http
