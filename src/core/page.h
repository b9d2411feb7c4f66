#pragma once
// One page of a list and the cursor of the next (DESIGN.md: lists page with
// limit and an opaque cursor; next_cursor is null on the last page).

#include <optional>
#include <string>
#include <vector>

namespace kring {

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

}  // namespace kring
