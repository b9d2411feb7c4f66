#pragma once
// Shared oracle of the reader fuzz targets: a reader either fails with a
// line-numbered parse error, or returns a list that Graph::build accepts.

#include <cstdlib>
#include <string>

#include "graph/graph.h"

namespace kring::graph::fuzz {

inline void check(Result<EdgeList> list) {
  if (!list.ok()) {
    const Error& e = list.error();
    if (e.reason != "parse_error" || e.message.rfind("line ", 0) != 0) std::abort();
    return;
  }
  if (!Graph::build(std::move(list).value()).ok()) std::abort();
}

}  // namespace kring::graph::fuzz
