#include "graph/distance_profile.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>

#include "graph/components.h"
#include "graph/parallel.h"
#include "graph/sampling.h"

namespace kring::graph {
namespace {

// Sources per traversal: 512 (one cache line of bits per node) while the
// three masks per node fit comfortably; 256 above kWideLimit nodes, where
// the per-thread scratch would pass 200 MB.
constexpr NodeId kWideLimit = 1'000'000;

template <unsigned W>
struct MsBfsWorkspace {
  using Mask = std::array<std::uint64_t, W>;
  static constexpr unsigned kBatch = 64 * W;

  explicit MsBfsWorkspace(NodeId n)
      : seen(n), frontier(n), next(n), reach(n, 0), distance_sum(n, 0), inverse_sum(n, 0) {}
  std::vector<Mask> seen, frontier, next;
  std::vector<std::uint32_t> reach;
  std::vector<std::uint64_t> distance_sum;
  std::vector<double> inverse_sum;
  std::uint64_t pair_count = 0, pair_distance_sum = 0;
  std::uint32_t max_distance = 0;
  std::vector<std::int32_t> slot;  // component -> index in slot_mask, or -1
  std::vector<Mask> slot_mask;

  static bool any(const Mask& m) {
    std::uint64_t x = 0;
    for (unsigned w = 0; w < W; ++w) x |= m[w];
    return x != 0;
  }

  // Records the sources that first reach v at `level` (bits `fresh`).
  // Returns true when there were any.
  bool record(NodeId v, const Mask& fresh, std::uint32_t level, double inv_level,
              const Mask& pair_sources, const std::vector<std::uint8_t>& pair_nodes) {
    unsigned c = 0;
    for (unsigned w = 0; w < W; ++w) c += static_cast<unsigned>(std::popcount(fresh[w]));
    if (c == 0) return false;
    reach[v] += c;
    distance_sum[v] += static_cast<std::uint64_t>(c) * level;
    inverse_sum[v] += c * inv_level;
    if (!pair_nodes.empty() && pair_nodes[v]) {
      unsigned cp = 0;
      for (unsigned w = 0; w < W; ++w) {
        cp += static_cast<unsigned>(std::popcount(fresh[w] & pair_sources[w]));
      }
      if (cp != 0) {
        pair_count += cp;
        pair_distance_sum += static_cast<std::uint64_t>(cp) * level;
        max_distance = std::max(max_distance, level);
      }
    }
    return true;
  }

  // One batch of sources. Direction-optimizing (Beamer, Asanovic & Patterson
  // 2012): a level pushes frontier bits along out-ties when few nodes are
  // active, and pulls them over in-ties into the unfinished nodes otherwise.
  // A node is finished once every source of its weak component has reached
  // it, so late levels skip most nodes.
  void traverse(const Graph& g, const NodeId* sources, unsigned count,
                const std::vector<std::uint8_t>& pair_nodes,
                const std::vector<std::uint32_t>& component, std::uint32_t component_count) {
    const NodeId n = g.node_count();
    std::memset(seen.data(), 0, sizeof(Mask) * n);
    std::memset(frontier.data(), 0, sizeof(Mask) * n);
    std::memset(next.data(), 0, sizeof(Mask) * n);
    Mask pair_sources{};
    if (slot.size() < component_count) slot.assign(component_count, -1);
    slot_mask.clear();
    for (unsigned i = 0; i < count; ++i) {
      const NodeId s = sources[i];
      const std::uint64_t bit = std::uint64_t{1} << (i % 64);
      seen[s][i / 64] |= bit;
      frontier[s][i / 64] |= bit;
      if (!pair_nodes.empty() && pair_nodes[s]) pair_sources[i / 64] |= bit;
      std::int32_t& k = slot[component[s]];
      if (k < 0) {
        k = static_cast<std::int32_t>(slot_mask.size());
        slot_mask.push_back(Mask{});
      }
      slot_mask[k][i / 64] |= bit;
    }
    // full(v): the bits that can ever reach v (sources in its component).
    const Mask none{};
    auto full = [&](NodeId v) -> const Mask& {
      const std::int32_t k = slot[component[v]];
      return k < 0 ? none : slot_mask[k];
    };

    const double total_arcs = static_cast<double>(g.out_offsets().back());
    double active_arcs = count;  // top-down first
    double open_arcs = total_arcs;
    for (std::uint32_t level = 1;; ++level) {
      const double inv_level = 1.0 / level;
      bool progress = false;
      double next_active = 0, next_open = 0;
      if (2 * active_arcs < open_arcs) {
        for (NodeId u = 0; u < n; ++u) {
          const Mask& f = frontier[u];
          if (!any(f)) continue;
          for (NodeId v : g.out_neighbors(u)) {
            Mask& x = next[v];
            for (unsigned w = 0; w < W; ++w) x[w] |= f[w];
          }
        }
        for (NodeId v = 0; v < n; ++v) {
          Mask& x = next[v];
          Mask& s = seen[v];
          Mask fresh;
          const Mask& fv = full(v);
          bool done = true;
          for (unsigned w = 0; w < W; ++w) {
            fresh[w] = x[w] & ~s[w];
            s[w] |= fresh[w];
            x[w] = 0;
            done &= s[w] == fv[w];
          }
          frontier[v] = fresh;
          if (record(v, fresh, level, inv_level, pair_sources, pair_nodes)) {
            progress = true;
            next_active += g.out_degree(v);
          }
          if (!done) next_open += g.in_degree(v);
        }
      } else {
        for (NodeId v = 0; v < n; ++v) {
          Mask& s = seen[v];
          Mask& fresh = next[v];
          const Mask& fv = full(v);
          bool done = true;
          for (unsigned w = 0; w < W; ++w) done &= s[w] == fv[w];
          if (done) {
            fresh = Mask{};
            continue;
          }
          Mask acc{};
          for (NodeId u : g.in_neighbors(v)) {
            const Mask& f = frontier[u];
            for (unsigned w = 0; w < W; ++w) acc[w] |= f[w];
          }
          done = true;
          for (unsigned w = 0; w < W; ++w) {
            fresh[w] = acc[w] & ~s[w];
            s[w] |= fresh[w];
            done &= s[w] == fv[w];
          }
          if (record(v, fresh, level, inv_level, pair_sources, pair_nodes)) {
            progress = true;
            next_active += g.out_degree(v);
          }
          if (!done) next_open += g.in_degree(v);
        }
        frontier.swap(next);
        std::memset(next.data(), 0, sizeof(Mask) * n);  // top-down needs it clear
      }
      if (!progress) break;
      active_arcs = next_active;
      open_arcs = next_open;
    }
    for (unsigned i = 0; i < count; ++i) slot[component[sources[i]]] = -1;
  }
};

template <unsigned W>
void run_batches(const Graph& g, const std::vector<NodeId>& sources,
                 const DistanceProfileOptions& options, const std::vector<std::uint32_t>& component,
                 std::uint32_t component_count, DistanceProfile::Totals& totals) {
  const NodeId n = g.node_count();
  const unsigned threads = resolve_threads(options.threads);
  std::vector<std::unique_ptr<MsBfsWorkspace<W>>> spaces(threads);
  constexpr unsigned kBatch = MsBfsWorkspace<W>::kBatch;
  parallel_chunks(threads, sources.size(), kBatch,
                  [&](unsigned id, std::uint64_t b, std::uint64_t e) {
                    if (!spaces[id]) spaces[id] = std::make_unique<MsBfsWorkspace<W>>(n);
                    spaces[id]->traverse(g, sources.data() + b, static_cast<unsigned>(e - b),
                                         options.pair_nodes, component, component_count);
                    advance(options.progress, e - b);
                  });
  for (const auto& ws : spaces) {
    if (!ws) continue;
    for (NodeId v = 0; v < n; ++v) {
      totals.reach[v] += ws->reach[v];
      totals.distance_sum[v] += ws->distance_sum[v];
      totals.inverse_sum[v] += ws->inverse_sum[v];
    }
    totals.pair_count += ws->pair_count;
    totals.pair_distance_sum += ws->pair_distance_sum;
    totals.max_distance = std::max(totals.max_distance, ws->max_distance);
  }
}

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

  const Components weak = weak_components(g_);
  Totals totals{reach_, distance_sum_, inverse_sum_, 0, 0, 0};
  if (n <= kWideLimit) {
    run_batches<8>(g_, sources, options_, weak.component, weak.count(), totals);
  } else {
    run_batches<4>(g_, sources, options_, weak.component, weak.count(), totals);
  }
  pair_count_ = totals.pair_count;
  pair_distance_sum_ = totals.pair_distance_sum;
  max_distance_ = totals.max_distance;
}

}  // namespace kring::graph
