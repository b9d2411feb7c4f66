#pragma once
// Small graphs for the engine tests, built from "a-b" / "a>b" edge strings
// so each test can draw its graph in a comment right above it.

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "graph/graph.h"

namespace kring::graph::testing {

// "a-b:2 b-c c" : ties separated by spaces; ':w' sets a weight; a bare
// label adds an isolate. Nodes get ids in order of first appearance.
inline Graph make_graph(const std::string& spec, bool directed = false, BuildOptions options = {}) {
  EdgeListBuilder b(directed);
  std::istringstream in(spec);
  std::string token;
  while (in >> token) {
    double w = 1.0;
    if (auto colon = token.find(':'); colon != std::string::npos) {
      w = std::stod(token.substr(colon + 1));
      token.resize(colon);
    }
    const auto dash = token.find_first_of("->");
    if (dash == std::string::npos) {
      b.node(token);
      continue;
    }
    b.add_edge(token.substr(0, dash), token.substr(dash + 1), w);
  }
  auto g = Graph::build(b.finish(), options);
  EXPECT_TRUE(g.ok());
  return std::move(g).value();
}

inline NodeId id_of(const Graph& g, const std::string& label) {
  for (NodeId u = 0; u < g.node_count(); ++u) {
    if (g.label(u) == label) return u;
  }
  ADD_FAILURE() << "no node " << label;
  return 0;
}

// (directed, weighted) for parameterised tests.
struct Variant {
  bool directed;
  bool weighted;
};

inline std::string variant_name(const ::testing::TestParamInfo<Variant>& info) {
  return std::string(info.param.directed ? "Directed" : "Undirected") +
         (info.param.weighted ? "Weighted" : "Unweighted");
}

inline const Variant kAllVariants[] = {{false, false}, {false, true}, {true, false}, {true, true}};

}  // namespace kring::graph::testing
