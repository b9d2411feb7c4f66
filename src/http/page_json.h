#pragma once
// The JSON shape of a page, the same for every list:
// {"items": [...], "next_cursor": "..." | null}.

#include <nlohmann/json.hpp>

#include "core/page.h"

namespace kring::http {

template <typename T, typename F>
nlohmann::json page_json(const Page<T>& page, F&& item_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(item_json(item));
  return {{"items", std::move(items)},
          {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nullptr}};
}

}  // namespace kring::http
