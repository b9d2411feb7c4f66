#pragma once
// analyze(): every metric of docs/network-metrics.md for one Graph, in the
// order that lets them share work (one all-pairs BFS feeds closeness,
// harmonic and path lengths). This is the entry point for the CLI
// (`kring analyze`) and for social/ (network API, per space, tag or ego
// network: build the sub-network with subgraph.h first).
//
// Large graphs: exact betweenness costs O(nm) and the all-pairs BFS
// O(n/256 * L * m); above the work budgets below, analyze() switches to
// sampled estimates and says so in GraphMetrics (sampled flags, pivots and
// the betweenness error bound), unless AnalysisOptions forces a mode.
//
// Thread-safety: analyze() reads the Graph only; it may run concurrently
// with other analyze() calls on the same Graph. It uses options.threads
// workers internally.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"
#include "graph/progress.h"
#include "graph/roles.h"

namespace kring::graph {

// Metric groups selectable with `--metrics` (names in metric_names()).
enum class Metric : std::uint32_t {
  kDegree = 1u << 0,      // degree, in/out degree, strength
  kComponents = 1u << 1,  // weak and strong components
  kBetweenness = 1u << 2,
  kCloseness = 1u << 3,
  kHarmonic = 1u << 4,
  kEigenvector = 1u << 5,
  kPageRank = 1u << 6,
  kClustering = 1u << 7,  // local, average, transitivity
  kCore = 1u << 8,
  kConstraint = 1u << 9,
  kEffectiveSize = 1u << 10,
  kCommunities = 1u << 11,  // Louvain + modularity
  kPaths = 1u << 12,        // average path length, diameter
  kAssortativity = 1u << 13,
  kRoles = 1u << 14,  // needs degree, pagerank, betweenness, constraint, core, components
};

class MetricSet {
 public:
  constexpr MetricSet() = default;
  static constexpr MetricSet all() { return MetricSet((1u << 15) - 1); }
  bool has(Metric m) const { return (bits_ & static_cast<std::uint32_t>(m)) != 0; }
  void add(Metric m) { bits_ |= static_cast<std::uint32_t>(m); }
  bool empty() const { return bits_ == 0; }

 private:
  constexpr explicit MetricSet(std::uint32_t bits) : bits_(bits) {}
  std::uint32_t bits_ = 0;
};

// "degree,betweenness,roles" -> set. Names: degree, strength (= degree),
// components, betweenness, closeness, harmonic, eigenvector, pagerank,
// clustering, transitivity (= clustering), core, constraint,
// effective_size, communities, modularity (= communities), paths, diameter
// (= paths), assortativity, roles, all. Unknown names fail with the list.
Result<MetricSet> parse_metrics(std::string_view list);
std::string metric_names();

enum class Mode { kAuto, kExact, kSampled };

// Exact betweenness when n * m <= this (about 3 s on 2 cores).
inline constexpr double kExactBetweennessWork = 2e9;
// Exact all-pairs distances (closeness, harmonic, path lengths) when
// n * m <= this: about 3 s on 2 cores; 100k nodes with 1M arcs (n*m = 1e11)
// take 7 s exact, so from there on they are estimated unless forced.
inline constexpr double kExactDistanceWork = 5e10;
// Sampled betweenness picks as many pivots as fit this many arc visits
// (two per arc: BFS and back-propagation), at least kMinSources: about 2 s
// for 100k nodes with 1M arcs on 2 cores.
inline constexpr double kSampleWork = 4e8;
inline constexpr std::uint32_t kMinSources = 256;

struct AnalysisOptions {
  MetricSet metrics = MetricSet::all();
  unsigned threads = 0;  // 0: all hardware threads
  Mode betweenness = Mode::kAuto;
  std::uint32_t betweenness_pivots = 0;  // 0: from the work budget
  Mode distances = Mode::kAuto;
  std::uint32_t distance_sources = 0;  // 0: from the work budget
  std::uint64_t seed = 42;             // samples and Louvain order
  ProgressMeter* progress = nullptr;
};

// Per-node columns; a column is empty when its metric was not computed.
// NaN means undefined (printed as null).
struct NodeMetrics {
  std::vector<std::uint32_t> degree, in_degree, out_degree;
  std::vector<double> strength;
  std::vector<double> betweenness, closeness, harmonic, eigenvector, pagerank;
  std::vector<double> clustering;
  std::vector<std::uint32_t> core;
  std::vector<double> constraint, effective_size;
  std::vector<std::uint32_t> community;
  std::vector<Role> role;
};

// Whole-network figures; NaN means undefined or not computed.
struct GraphMetrics {
  std::uint64_t nodes = 0, edges = 0, self_loops = 0;
  bool directed = false;
  bool weighted = false;
  double density = 0, reciprocity = 0;
  double metcalfe_potential = 0, metcalfe_ratio = 0;
  std::optional<std::uint32_t> components, strong_components;
  std::optional<std::uint32_t> largest_component;  // its size
  double transitivity, average_clustering, modularity, average_path_length, assortativity;
  std::optional<std::uint32_t> communities, diameter;
  std::optional<std::uint32_t> path_component_size;
  bool betweenness_sampled = false;
  std::uint32_t betweenness_pivots = 0;
  double betweenness_error_bound = 0;  // at 95% confidence, 0 when exact
  bool distances_sampled = false;      // closeness, harmonic, paths
  std::uint32_t distance_sources = 0;
  std::optional<bool> eigenvector_converged, pagerank_converged;
  double seconds = 0;  // wall time of analyze()
};

struct NetworkReport {
  GraphMetrics graph;
  NodeMetrics nodes;
};

NetworkReport analyze(const Graph& g, const AnalysisOptions& options = {});

}  // namespace kring::graph
