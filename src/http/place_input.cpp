#include "http/place_input.h"

namespace kring::http {

namespace {

Error bad_location() {
  return Error::invalid("invalid_location",
                        "location must be an object {lat, lon, address?} of numbers in degrees");
}

}  // namespace

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
