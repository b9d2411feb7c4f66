#include "core/item.h"

#include <array>

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

bool is_reaction_kind(std::string_view kind) {
  for (auto k : kReactions) {
    if (k == kind) return true;
  }
  return false;
}

}  // namespace kring
