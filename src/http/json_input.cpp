#include "http/json_input.h"

namespace kring::http {

namespace {
Error missing(const char* field) {
  return Error::invalid("missing_field", std::string("field '") + field + "' is required");
}
Error wrong_type(const char* field, const char* expected) {
  return Error::invalid("invalid_type", std::string("field '") + field + "' must be " + expected);
}
Error too_long(const char* field, size_t max) {
  return Error::invalid("too_long", std::string("field '") + field + "' is longer than " +
                                        std::to_string(max) + " bytes");
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) return false;
  }
  return true;
}
}  // namespace

bool is_json_media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  if (!equals_ignoring_case(trim(content_type.substr(0, semi)), "application/json")) return false;
  if (semi == std::string_view::npos) return true;
  std::string_view parameter = trim(content_type.substr(semi + 1));
  auto eq = parameter.find('=');
  if (eq == std::string_view::npos ||
      !equals_ignoring_case(trim(parameter.substr(0, eq)), "charset")) {
    return false;
  }
  std::string_view value = trim(parameter.substr(eq + 1));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return equals_ignoring_case(value, "utf-8");
}

Result<Json> parse_object(std::string_view body, std::initializer_list<std::string_view> allowed) {
  Json value = Json::parse(body.begin(), body.end(), nullptr, false);
  if (value.is_discarded()) {
    return Error::invalid("malformed_json", "request body is not valid JSON");
  }
  if (!value.is_object()) return Error::invalid("invalid_type", "request body must be a JSON object");
  for (const auto& [key, _] : value.items()) {
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (!known) {
      std::string shown = key.size() > 64 ? key.substr(0, 64) + "..." : key;
      return Error::invalid("unknown_field", "unknown field '" + shown + "'");
    }
  }
  return value;
}

Result<std::string> required_string(const Json& obj, const char* field, size_t max_bytes) {
  auto value = optional_string(obj, field, max_bytes);
  if (!value) return std::move(value).error();
  if (!value->has_value()) return missing(field);
  return std::move(**value);
}

Result<std::optional<std::string>> optional_string(const Json& obj, const char* field,
                                                   size_t max_bytes) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return wrong_type(field, "a string");
  const auto& s = it->get_ref<const std::string&>();
  if (s.size() > max_bytes) return too_long(field, max_bytes);
  return std::optional<std::string>(s);
}

Result<std::optional<std::vector<std::string>>> optional_string_list(const Json& obj,
                                                                     const char* field,
                                                                     size_t max_items,
                                                                     size_t max_bytes) {
  using Out = std::optional<std::vector<std::string>>;
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return Out();
  if (!it->is_array()) return wrong_type(field, "an array of strings");
  if (it->size() > max_items) {
    return Error::invalid("too_many", std::string("field '") + field + "' may hold at most " +
                                          std::to_string(max_items) + " entries");
  }
  std::vector<std::string> out;
  for (const auto& entry : *it) {
    if (!entry.is_string()) return wrong_type(field, "an array of strings");
    if (entry.get_ref<const std::string&>().size() > max_bytes) return too_long(field, max_bytes);
    out.push_back(entry.get<std::string>());
  }
  return Out(std::move(out));
}

Result<std::optional<std::int64_t>> optional_integer(const Json& obj, const char* field) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer()) return wrong_type(field, "an integer");
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return wrong_type(field, "an integer that fits in 64 bits");
  }
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

Result<std::optional<double>> optional_number(const Json& obj, const char* field) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number()) return wrong_type(field, "a number");
  return std::optional<double>(it->get<double>());
}

Result<std::optional<bool>> optional_bool(const Json& obj, const char* field) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return wrong_type(field, "true or false");
  return std::optional<bool>(it->get<bool>());
}

}  // namespace kring::http
