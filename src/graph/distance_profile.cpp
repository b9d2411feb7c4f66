#include "graph/distance_profile.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>

#include "graph/parallel.h"
#include "graph/sampling.h"

namespace kring::graph {
namespace {

constexpr unsigned kWords = 4;  // 256 sources per traversal
constexpr unsigned kBatch = 64 * kWords;
using Mask = std::array<std::uint64_t, kWords>;

struct MsBfsWorkspace {
  explicit MsBfsWorkspace(NodeId n)
      : seen(n), frontier(n), next(n), reach(n, 0), distance_sum(n, 0), inverse_sum(n, 0) {}
  std::vector<Mask> seen, frontier, next;
  std::vector<std::uint32_t> reach;
  std::vector<std::uint64_t> distance_sum;
  std::vector<double> inverse_sum;
  std::uint64_t pair_count = 0, pair_distance_sum = 0;
  std::uint32_t max_distance = 0;

  static bool any(const Mask& m) {
    std::uint64_t x = 0;
    for (unsigned w = 0; w < kWords; ++w) x |= m[w];
    return x != 0;
  }

  void traverse(const Graph& g, const NodeId* sources, unsigned count,
                const std::vector<std::uint8_t>& pair_nodes) {
    const NodeId n = g.node_count();
    std::memset(seen.data(), 0, sizeof(Mask) * n);
    std::memset(frontier.data(), 0, sizeof(Mask) * n);
    Mask pair_sources{};
    for (unsigned i = 0; i < count; ++i) {
      const NodeId s = sources[i];
      seen[s][i / 64] |= std::uint64_t{1} << (i % 64);
      frontier[s][i / 64] |= std::uint64_t{1} << (i % 64);
      if (!pair_nodes.empty() && pair_nodes[s]) pair_sources[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    for (std::uint32_t level = 1;; ++level) {
      for (NodeId u = 0; u < n; ++u) {
        const Mask& f = frontier[u];
        if (!any(f)) continue;
        for (NodeId v : g.out_neighbors(u)) {
          Mask& x = next[v];
          for (unsigned w = 0; w < kWords; ++w) x[w] |= f[w];
        }
      }
      bool active = false;
      const double inv_level = 1.0 / level;
      for (NodeId v = 0; v < n; ++v) {
        Mask& x = next[v];
        Mask& s = seen[v];
        Mask& f = frontier[v];
        unsigned c = 0;
        for (unsigned w = 0; w < kWords; ++w) {
          const std::uint64_t fresh = x[w] & ~s[w];
          s[w] |= fresh;
          f[w] = fresh;
          x[w] = 0;
          c += static_cast<unsigned>(std::popcount(fresh));
        }
        if (c == 0) continue;
        active = true;
        reach[v] += c;
        distance_sum[v] += static_cast<std::uint64_t>(c) * level;
        inverse_sum[v] += c * inv_level;
        if (!pair_nodes.empty() && pair_nodes[v]) {
          unsigned cp = 0;
          for (unsigned w = 0; w < kWords; ++w) {
            cp += static_cast<unsigned>(std::popcount(f[w] & pair_sources[w]));
          }
          if (cp != 0) {
            pair_count += cp;
            pair_distance_sum += static_cast<std::uint64_t>(cp) * level;
            max_distance = std::max(max_distance, level);
          }
        }
      }
      if (!active) break;
    }
  }
};

}  // namespace

DistanceProfile::DistanceProfile(const Graph& g, DistanceProfileOptions options)
    : g_(g), options_(std::move(options)) {}

void DistanceProfile::run() {
  const NodeId n = g_.node_count();
  sampled_ = options_.sample_sources != 0 && options_.sample_sources < n;
  const std::vector<NodeId> sources =
      sample_nodes(n, sampled_ ? options_.sample_sources : n, options_.seed);
  source_count_ = static_cast<std::uint32_t>(sources.size());
  is_source_.assign(n, 0);
  for (NodeId s : sources) is_source_[s] = 1;
  reach_.assign(n, 0);
  distance_sum_.assign(n, 0);
  inverse_sum_.assign(n, 0);
  pair_count_ = pair_distance_sum_ = 0;
  max_distance_ = 0;
  if (n == 0) return;

  const unsigned threads = resolve_threads(options_.threads);
  std::vector<std::unique_ptr<MsBfsWorkspace>> spaces(threads);
  parallel_chunks(threads, sources.size(), kBatch,
                  [&](unsigned id, std::uint64_t b, std::uint64_t e) {
                    if (!spaces[id]) spaces[id] = std::make_unique<MsBfsWorkspace>(n);
                    spaces[id]->traverse(g_, sources.data() + b, static_cast<unsigned>(e - b),
                                         options_.pair_nodes);
                    advance(options_.progress, e - b);
                  });
  for (const auto& ws : spaces) {
    if (!ws) continue;
    for (NodeId v = 0; v < n; ++v) {
      reach_[v] += ws->reach[v];
      distance_sum_[v] += ws->distance_sum[v];
      inverse_sum_[v] += ws->inverse_sum[v];
    }
    pair_count_ += ws->pair_count;
    pair_distance_sum_ += ws->pair_distance_sum;
    max_distance_ = std::max(max_distance_, ws->max_distance);
  }
}

}  // namespace kring::graph
