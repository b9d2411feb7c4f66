// parse_object and the typed field getters on arbitrary request bodies.
// Oracle (json_input.h): parse_object accepts only objects whose keys are
// all allowed; a getter that succeeds returns exactly the field's value, of
// the promised type and within the promised limits; page_limit is 1..100.

#include <string>

#include "fuzz_check.h"
#include "http/json_input.h"

namespace {

using kring::http::Json;

// Field names as handlers use them, so the fuzzer meets each getter on
// strings, lists, numbers and booleans.
constexpr const char* kFields[] = {"handle", "email", "tags", "limit", "score", "public", "body"};

void check_getters(const Json& obj, const char* field) {
  auto it = obj.find(field);
  bool absent = it == obj.end() || it->is_null();

  if (auto s = kring::http::required_string(obj, field, 64); s.ok()) {
    KRING_FUZZ_CHECK(!absent && it->is_string());
    KRING_FUZZ_CHECK(s->size() <= 64 && *s == it->get<std::string>());
  } else {
    KRING_FUZZ_CHECK(s.error().code == kring::ErrorCode::kInvalid);
  }
  if (auto s = kring::http::optional_string(obj, field, 16); s.ok()) {
    KRING_FUZZ_CHECK(s->has_value() == !absent);
    if (s->has_value()) KRING_FUZZ_CHECK((*s)->size() <= 16 && **s == it->get<std::string>());
  }
  if (auto list = kring::http::optional_string_list(obj, field, 4, 32); list.ok()) {
    KRING_FUZZ_CHECK(list->has_value() == !absent);
    if (list->has_value()) {
      KRING_FUZZ_CHECK(it->is_array() && (*list)->size() <= 4 && (*list)->size() == it->size());
      for (size_t i = 0; i < (*list)->size(); ++i) {
        KRING_FUZZ_CHECK((**list)[i].size() <= 32 && (**list)[i] == (*it)[i].get<std::string>());
      }
    }
  }
  if (auto n = kring::http::optional_integer(obj, field); n.ok() && n->has_value()) {
    // The value the client sent, not a wrapped one: 2^64-1 must not read as -1.
    KRING_FUZZ_CHECK(it->is_number_integer());
    if (it->is_number_unsigned()) {
      KRING_FUZZ_CHECK(**n >= 0 && static_cast<std::uint64_t>(**n) == it->get<std::uint64_t>());
    } else {
      KRING_FUZZ_CHECK(**n == it->get<std::int64_t>());
    }
  }
  if (auto x = kring::http::optional_number(obj, field); x.ok() && x->has_value()) {
    KRING_FUZZ_CHECK(it->is_number());
  }
  if (auto b = kring::http::optional_bool(obj, field); b.ok() && b->has_value()) {
    KRING_FUZZ_CHECK(it->is_boolean() && **b == it->get<bool>());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view body = kring::fuzz::as_text(data, size);

  if (auto limit = kring::http::page_limit(std::string(body)); limit.ok()) {
    KRING_FUZZ_CHECK(*limit >= 1 && *limit <= 100);
  }

  auto obj = kring::http::parse_object(
      body, {"handle", "email", "tags", "limit", "score", "public", "body"});
  if (!obj.ok()) {
    KRING_FUZZ_CHECK(obj.error().code == kring::ErrorCode::kInvalid);
    KRING_FUZZ_CHECK(!obj.error().reason.empty() && !obj.error().message.empty());
    return 0;
  }
  KRING_FUZZ_CHECK(obj->is_object());
  for (const auto& [key, _] : obj->items()) {
    bool known = false;
    for (const char* field : kFields) known = known || key == field;
    KRING_FUZZ_CHECK(known);
  }
  for (const char* field : kFields) check_getters(*obj, field);
  return 0;
}
