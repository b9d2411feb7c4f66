#include "http/can_json.h"

namespace kring::http {

nlohmann::json can_json(const social::Can& can) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, allowed] : can.entries) j[std::string(key)] = allowed;
  if (can.move_status) {
    nlohmann::json statuses = nlohmann::json::array();
    for (std::string_view s : *can.move_status) statuses.push_back(s);
    j["move_status"] = std::move(statuses);
  }
  return j;
}

nlohmann::json visibilities_json(const std::vector<ItemVisibility>& visibilities) {
  nlohmann::json j = nlohmann::json::array();
  for (ItemVisibility v : visibilities) j.push_back(item_visibility_name(v));
  return j;
}

}  // namespace kring::http
