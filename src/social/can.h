#pragma once
// What a view of an item, reply, space or member carries as `can`: which
// actions the viewer could take on it, by the API's name for the verb, in
// a fixed order per kind of object. Filled by social/capabilities.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kring::social {

struct Can {
  std::vector<std::pair<std::string_view, bool>> entries;
  // Items only: the statuses the viewer may move the item to now, in the
  // kind's transition order (empty for a kind without workflow). The names
  // are the kind table's (constant data).
  std::optional<std::vector<std::string_view>> move_status;
};

}  // namespace kring::social
