#pragma once
// The network of a kring instance as an EdgeList, for `kring analyze --data`
// and `kring export --graph`. Implemented in instance_network.cpp by the
// store/social side: ties plus interaction edges, weighted by kind and
// recency (DESIGN.md), restricted by `scope`.
//
// scope: "instance" (everything), "space:SLUG" (members of a space and the
// edges among them), "tag:TAG" (members who carry the tag). Labels are
// member handles. Fails with Error::invalid for a malformed scope,
// Error::not_found for an unknown space or tag.
//
// Thread-safety: opens its own database connection; callable from any
// thread.

#include <string>

#include "core/result.h"
#include "graph/edge_list.h"

namespace kring::cli {

Result<graph::EdgeList> load_instance_network(const std::string& data_dir,
                                              const std::string& scope);

}  // namespace kring::cli
