// libFuzzer target: read_pajek on arbitrary bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "graph/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kring::graph::fuzz::check(kring::graph::read_pajek(text, size % 2 == 0));
  return 0;
}
