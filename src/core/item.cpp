#include "core/item.h"

#include <array>
#include <cmath>

namespace kring {

namespace {
constexpr std::array<std::string_view, 5> kReactions = {"like", "love", "celebrate", "insightful",
                                                        "support"};
}  // namespace

std::string_view item_visibility_name(ItemVisibility v) { return to_name(v); }

std::optional<ItemVisibility> parse_item_visibility(std::string_view s) {
  return from_name<ItemVisibility>(s);
}

std::span<const std::string_view> reaction_kinds() { return kReactions; }

bool on_globe(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 &&
         lon <= 180;
}

bool is_reaction_kind(std::string_view kind) {
  for (auto k : kReactions) {
    if (k == kind) return true;
  }
  return false;
}

}  // namespace kring
