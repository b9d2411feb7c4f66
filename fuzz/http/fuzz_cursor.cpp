// decode_cursor on arbitrary text, and encode_cursor on arbitrary keys and
// list names. Oracle (cursor.h): a refusal is always 400 invalid_cursor;
// every key survives encode then decode under the same list name; a cursor
// decodes under no other list name; a text that decodes re-encodes to the
// same key.

#include <sodium.h>

#include <cstring>
#include <string>

#include "core/cursor.h"
#include "fuzz_check.h"

namespace {

void check_round_trip(std::string_view list, kring::CursorKey key) {
  std::string text = kring::encode_cursor(list, key);
  auto again = kring::decode_cursor(list, text);
  KRING_FUZZ_CHECK(again.ok());
  KRING_FUZZ_CHECK(again->major == key.major && again->id == key.id);
  std::string other(list);
  other += '\0';
  KRING_FUZZ_CHECK(!kring::decode_cursor(other, text).ok());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return sodium_init() < 0 ? 1 : 0; }

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = kring::fuzz::as_text(data, size);
  auto key = kring::decode_cursor("fuzz", text);
  if (key.ok()) {
    check_round_trip("fuzz", *key);
  } else {
    KRING_FUZZ_CHECK(key.error().code == kring::ErrorCode::kInvalid &&
                     key.error().reason == "invalid_cursor");
  }

  if (size >= 16) {
    kring::CursorKey raw;
    std::memcpy(&raw.major, data, 8);
    std::memcpy(&raw.id, data + 8, 8);
    check_round_trip(text.substr(16), raw);
  }
  return 0;
}
