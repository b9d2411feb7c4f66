#pragma once
// The JSON shape of a member, as the API documents it. Only fields the
// MemberView marks visible are written. (Pages: http/page_json.h.)

#include <nlohmann/json.hpp>

#include "http/page_json.h"
#include "social/member_view.h"

namespace kring::http {

nlohmann::json member_json(const social::MemberView& view, bool with_counts);

}  // namespace kring::http
