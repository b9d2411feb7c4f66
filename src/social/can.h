#pragma once
// What a view of an item, reply, space or member carries as `can`: which
// actions the viewer could take on it, by the API's name for the verb, in
// a fixed order per kind of object. Filled by social/capabilities.

#include <string_view>
#include <utility>
#include <vector>

namespace kring::social {

struct Can {
  std::vector<std::pair<std::string_view, bool>> entries;
};

}  // namespace kring::social
