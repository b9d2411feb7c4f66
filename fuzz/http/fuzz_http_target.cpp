// parse_target and percent_decode on arbitrary request targets.
// Oracle (request.h): either false, or a path that starts with '/', and a
// path, keys and values free of NUL bytes; decoding never grows the text and
// re-encoding the decoded text decodes back to it.

#include <map>
#include <string>

#include "fuzz_check.h"
#include "http/request.h"

namespace {

std::string percent_encode_all(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void check_decode(std::string_view in, bool plus_is_space) {
  std::string out;
  if (!kring::http::percent_decode(in, out, plus_is_space)) return;
  KRING_FUZZ_CHECK(out.size() <= in.size());
  // %00 is refused; a raw NUL is parse_target's to refuse (checked below).
  if (in.find('\0') != std::string_view::npos) return;
  KRING_FUZZ_CHECK(out.find('\0') == std::string::npos);
  if (in.find('%') == std::string_view::npos && !plus_is_space) KRING_FUZZ_CHECK(out == in);
  std::string again;
  KRING_FUZZ_CHECK(kring::http::percent_decode(percent_encode_all(out), again, plus_is_space));
  KRING_FUZZ_CHECK(again == out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view target = kring::fuzz::as_text(data, size);
  check_decode(target, false);
  check_decode(target, true);

  std::string path;
  std::multimap<std::string, std::string> query;
  if (!kring::http::parse_target(target, path, query)) return 0;
  KRING_FUZZ_CHECK(!path.empty() && path[0] == '/');
  KRING_FUZZ_CHECK(path.find('\0') == std::string::npos);
  KRING_FUZZ_CHECK(path.size() <= target.size());
  size_t query_bytes = 0;
  for (const auto& [key, value] : query) {
    KRING_FUZZ_CHECK(key.find('\0') == std::string::npos);
    KRING_FUZZ_CHECK(value.find('\0') == std::string::npos);
    query_bytes += key.size() + value.size();
  }
  KRING_FUZZ_CHECK(path.size() + query_bytes <= target.size());
  return 0;
}
