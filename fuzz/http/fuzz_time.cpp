// parse_rfc3339 on arbitrary text.
// Oracle (time.h): a time that parses formats as RFC 3339 that parses back
// to the same instant; formatting is idempotent from then on.

#include "core/time.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  auto t = kring::parse_rfc3339(kring::fuzz::as_text(data, size));
  if (!t) return 0;
  std::string text = kring::format_rfc3339(*t);
  auto again = kring::parse_rfc3339(text);
  KRING_FUZZ_CHECK(again.has_value());
  KRING_FUZZ_CHECK(*again == *t);
  KRING_FUZZ_CHECK(kring::format_rfc3339(*again) == text);
  return 0;
}
