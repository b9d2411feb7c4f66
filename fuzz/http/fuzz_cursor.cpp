// decode_cursor on arbitrary text, and encode_cursor on arbitrary keys.
// Oracle (cursor.h): a cursor that decodes re-encodes to one that decodes to
// the same key; every key survives encode then decode; a refusal is always
// 400 invalid_cursor.

#include <cstring>
#include <sodium.h>

#include "core/cursor.h"
#include "fuzz_check.h"

namespace {

void check_round_trip(kring::CursorKey key) {
  std::string text = kring::encode_cursor(key);
  auto again = kring::decode_cursor(text);
  KRING_FUZZ_CHECK(again.ok());
  KRING_FUZZ_CHECK(again->time == key.time && again->id == key.id);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return sodium_init() < 0 ? 1 : 0; }

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  auto key = kring::decode_cursor(kring::fuzz::as_text(data, size));
  if (key.ok()) {
    check_round_trip(*key);
  } else {
    KRING_FUZZ_CHECK(key.error().code == kring::ErrorCode::kInvalid &&
                     key.error().reason == "invalid_cursor");
  }

  if (size >= 16) {
    kring::CursorKey raw;
    std::memcpy(&raw.time, data, 8);
    std::memcpy(&raw.id, data + 8, 8);
    check_round_trip(raw);
  }
  return 0;
}
