#pragma once
// JSON shapes of members and pages, as the API documents them. Only fields
// the MemberView marks visible are written.

#include <nlohmann/json.hpp>

#include "core/page.h"
#include "social/member_view.h"

namespace kring::http {

nlohmann::json member_json(const social::MemberView& view, bool with_counts);

template <typename T, typename F>
nlohmann::json page_json(const Page<T>& page, F&& item_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(item_json(item));
  return {{"items", std::move(items)},
          {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nullptr}};
}

}  // namespace kring::http
