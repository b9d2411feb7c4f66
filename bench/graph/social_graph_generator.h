#pragma once
// Synthetic social networks for benchmarks: heavy-tailed degrees and
// community structure, in the spirit of the LFR benchmark (Lancichinetti,
// Fortunato & Radicchi 2008). Each member draws a degree from a power law
// (exponent 2.5) and a community from power-law community sizes; a share
// `mixing` of each member's ties go outside its community. Ties are made by
// pairing stubs at random (configuration model) within each community and
// across communities; self-loops and repeated pairs are dropped, so the
// realised average degree is slightly below the target.
//
// Thread-safety: pure function; deterministic for a seed.

#include <cstdint>

#include "graph/edge_list.h"

namespace kring::graph::bench {

struct SocialGraphSpec {
  std::uint32_t nodes = 10'000;
  double average_degree = 10;
  double degree_exponent = 2.5;
  double mixing = 0.2;
  std::uint32_t min_community = 20;
  std::uint32_t max_community = 1000;
  std::uint64_t seed = 1;
};

// Node labels are "0".."n-1"; the list is undirected.
EdgeList generate_social_graph(const SocialGraphSpec& spec);

}  // namespace kring::graph::bench
