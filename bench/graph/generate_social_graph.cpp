// kring_graph_generate N SEED OUT.txt: writes a synthetic social network
// (social_graph_generator.h) as an edge list, one "u v" per line, with
// every node listed first so isolates survive. Used by run_bench.py.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "social_graph_generator.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: kring_graph_generate NODES SEED OUT.txt\n";
    return 1;
  }
  kring::graph::bench::SocialGraphSpec spec;
  spec.nodes = static_cast<std::uint32_t>(std::strtoul(argv[1], nullptr, 10));
  spec.seed = std::strtoull(argv[2], nullptr, 10);
  const auto list = kring::graph::bench::generate_social_graph(spec);
  std::ofstream out(argv[3]);
  std::string buf;
  for (const auto& label : list.labels) out << label << '\n';
  for (const auto& e : list.edges) out << e.source << ' ' << e.target << '\n';
  if (!out) {
    std::cerr << "cannot write " << argv[3] << "\n";
    return 1;
  }
  std::cerr << list.labels.size() << " nodes, " << list.edges.size() << " ties\n";
  return 0;
}
