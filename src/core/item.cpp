#include "core/item.h"

#include <array>

namespace kring {

namespace {
// The kind table. Later kinds (idea, report, request, offer, initiative,
// event) are new rows here with their workflow, not new code.
constexpr std::array<ItemKindRule, 3> kKinds = {{
    {"note", false, ""},
    {"article", true, ""},
    {"question", false, "open"},
}};
constexpr std::array<std::string_view, 5> kReactions = {"like", "love", "celebrate", "insightful",
                                                        "support"};
}  // namespace

std::string_view item_visibility_name(ItemVisibility v) { return to_name(v); }

std::optional<ItemVisibility> parse_item_visibility(std::string_view s) {
  return from_name<ItemVisibility>(s);
}

const ItemKindRule* find_item_kind(std::string_view kind) {
  for (const auto& rule : kKinds) {
    if (rule.kind == kind) return &rule;
  }
  return nullptr;
}

std::span<const ItemKindRule> item_kinds() { return kKinds; }
std::span<const std::string_view> reaction_kinds() { return kReactions; }

bool is_reaction_kind(std::string_view kind) {
  for (auto k : kReactions) {
    if (k == kind) return true;
  }
  return false;
}

}  // namespace kring
