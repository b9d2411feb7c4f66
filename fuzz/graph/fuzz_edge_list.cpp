// libFuzzer target: read_edge_list on arbitrary bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "graph/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kring::graph::fuzz::check(kring::graph::read_edge_list(text, size % 2 == 0));
  kring::graph::fuzz::check(
      kring::graph::read_edge_list(text, false, kring::graph::Separator::kComma));
  return 0;
}
