#include "graph/core_number.h"

#include <algorithm>

namespace kring::graph {

void CoreNumber::run() {
  const NodeId n = g_.node_count();
  std::vector<std::uint32_t> deg(n, 0);
  std::uint32_t max_deg = 0;
  for (NodeId u = 0; u < n; ++u) {
    auto nb = g_.neighbors(u);
    auto mu = g_.neighbor_multiplicity(u);
    for (std::size_t i = 0; i < nb.size(); ++i) deg[u] += nb[i] == u ? 0 : mu[i];
    max_deg = std::max(max_deg, deg[u]);
  }
  // Bucket sort by degree: vert is sorted by current degree, pos its inverse,
  // bin[d] the first position of degree d.
  std::vector<std::uint32_t> bin(max_deg + 2, 0), pos(n);
  std::vector<NodeId> vert(n);
  for (NodeId u = 0; u < n; ++u) ++bin[deg[u] + 1];
  for (std::uint32_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
  {
    std::vector<std::uint32_t> fill(bin.begin(), bin.end() - 1);
    for (NodeId u = 0; u < n; ++u) {
      pos[u] = fill[deg[u]]++;
      vert[pos[u]] = u;
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    const NodeId v = vert[i];
    auto nb = g_.neighbors(v);
    auto mu = g_.neighbor_multiplicity(v);
    for (std::size_t k = 0; k < nb.size(); ++k) {
      const NodeId u = nb[k];
      if (u == v) continue;
      for (std::uint8_t rep = 0; rep < mu[k] && deg[u] > deg[v]; ++rep) {
        // Move u to the front of its bucket, then shrink the bucket.
        const std::uint32_t du = deg[u];
        const std::uint32_t pu = pos[u];
        const std::uint32_t pw = bin[du];
        const NodeId w = vert[pw];
        if (u != w) {
          std::swap(vert[pu], vert[pw]);
          pos[u] = pw;
          pos[w] = pu;
        }
        ++bin[du];
        --deg[u];
      }
    }
  }
  core_ = std::move(deg);
}

}  // namespace kring::graph
