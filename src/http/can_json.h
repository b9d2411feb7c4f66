#pragma once
// JSON of `can` (social/can.h) and of allowed_visibilities, as docs/can.md
// documents them: `can` is an object of booleans by action key (an item's
// also has move_status, an array of status names), allowed_visibilities an
// array of visibility names.

#include <nlohmann/json.hpp>
#include <vector>

#include "core/item.h"
#include "social/can.h"

namespace kring::http {

nlohmann::json can_json(const social::Can& can);
nlohmann::json visibilities_json(const std::vector<ItemVisibility>& visibilities);

}  // namespace kring::http
