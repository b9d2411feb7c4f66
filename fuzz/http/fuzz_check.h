#pragma once
// Shared by the http fuzz targets: an invariant check that names what broke
// and aborts, so libFuzzer records the input as a crash.

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kring::fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* what) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  std::abort();
}

inline std::string_view as_text(const unsigned char* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace kring::fuzz

#define KRING_FUZZ_CHECK(cond) \
  ((cond) ? (void)0 : ::kring::fuzz::fail(__FILE__, __LINE__, #cond))
