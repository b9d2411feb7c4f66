#pragma once
// Reading JSON request bodies strictly: malformed JSON, a non-object,
// unknown fields, missing fields and wrong types each get a 400 naming the
// field. Handlers read fields only through these functions.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kring::http {

using Json = nlohmann::json;

// True for "application/json", optionally with "; charset=utf-8" (any case,
// spaces around, charset value optionally quoted). The dispatcher answers 415
// to any request with a body of another type, before a handler runs: a
// cross-site form can send text/plain or form bodies without a CORS
// preflight, never application/json.
bool is_json_media_type(std::string_view content_type);

// Parses body as a JSON object whose keys are all in `allowed`.
Result<Json> parse_object(std::string_view body, std::initializer_list<std::string_view> allowed);

// Each returns 400 missing_field / invalid_type. Strings longer than
// max_bytes are refused (too_long) before any rule looks at them.
Result<std::string> required_string(const Json& obj, const char* field, size_t max_bytes = 65536);
Result<std::optional<std::string>> optional_string(const Json& obj, const char* field,
                                                   size_t max_bytes = 65536);
Result<std::optional<std::vector<std::string>>> optional_string_list(const Json& obj,
                                                                     const char* field,
                                                                     size_t max_items,
                                                                     size_t max_bytes);
Result<std::optional<std::int64_t>> optional_integer(const Json& obj, const char* field);
Result<std::optional<double>> optional_number(const Json& obj, const char* field);
Result<std::optional<bool>> optional_bool(const Json& obj, const char* field);

}  // namespace kring::http
