#include "graph/analysis.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "graph/assortativity.h"
#include "graph/betweenness.h"
#include "graph/closeness.h"
#include "graph/clustering.h"
#include "graph/components.h"
#include "graph/core_number.h"
#include "graph/degree.h"
#include "graph/distance_profile.h"
#include "graph/eigenvector.h"
#include "graph/harmonic.h"
#include "graph/locality_order.h"
#include "graph/louvain.h"
#include "graph/pagerank.h"
#include "graph/path_length.h"
#include "graph/structural_holes.h"
#include "graph/summary.h"

namespace kring::graph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MetricName {
  std::string_view name;
  std::uint32_t bits;
};

constexpr std::uint32_t bit(Metric m) { return static_cast<std::uint32_t>(m); }

constexpr MetricName kMetricNames[] = {
    {"degree", bit(Metric::kDegree)},
    {"strength", bit(Metric::kDegree)},
    {"components", bit(Metric::kComponents)},
    {"betweenness", bit(Metric::kBetweenness)},
    {"closeness", bit(Metric::kCloseness)},
    {"harmonic", bit(Metric::kHarmonic)},
    {"eigenvector", bit(Metric::kEigenvector)},
    {"pagerank", bit(Metric::kPageRank)},
    {"clustering", bit(Metric::kClustering)},
    {"transitivity", bit(Metric::kClustering)},
    {"core", bit(Metric::kCore)},
    {"constraint", bit(Metric::kConstraint)},
    {"effective_size", bit(Metric::kEffectiveSize)},
    {"communities", bit(Metric::kCommunities)},
    {"modularity", bit(Metric::kCommunities)},
    {"paths", bit(Metric::kPaths)},
    {"diameter", bit(Metric::kPaths)},
    {"assortativity", bit(Metric::kAssortativity)},
    {"roles", bit(Metric::kRoles)},
    {"all", (1u << 15) - 1},
};

std::uint32_t samples_for(double arcs, NodeId n) {
  const double k = std::max<double>(kMinSources, kSampleWork / std::max(1.0, arcs));
  return static_cast<std::uint32_t>(std::min<double>(k, n));
}

// One bit-parallel traversal serves 256 sources at about the cost of 8 plain
// BFS (measured on the bench graphs), so distances sample 32x more sources
// than betweenness for the same budget, in whole batches of 256.
std::uint32_t distance_samples_for(double arcs, NodeId n) {
  const double k = std::max<double>(256, 32 * kSampleWork / std::max(1.0, arcs));
  const double batches = std::ceil(k / 256);
  return static_cast<std::uint32_t>(std::min<double>(batches * 256, n));
}

}  // namespace

std::string metric_names() {
  std::string out;
  for (const auto& m : kMetricNames) {
    if (!out.empty()) out += ", ";
    out += m.name;
  }
  return out;
}

Result<MetricSet> parse_metrics(std::string_view list) {
  MetricSet set;
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    const auto* it = std::find_if(std::begin(kMetricNames), std::end(kMetricNames),
                                  [&](const MetricName& m) { return m.name == name; });
    if (it == std::end(kMetricNames)) {
      return Error::invalid("unknown_metric",
                            "unknown metric '" + std::string(name) + "'; known: " + metric_names());
    }
    for (std::uint32_t b = 1; b < (1u << 15); b <<= 1) {
      if (it->bits & b) set.add(static_cast<Metric>(b));
    }
  }
  if (set.empty()) return Error::invalid("no_metrics", "no metric named; known: " + metric_names());
  return set;
}

NetworkReport analyze(const Graph& g, const AnalysisOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  MetricSet want = options.metrics;
  if (want.has(Metric::kRoles)) {
    for (Metric m : {Metric::kDegree, Metric::kPageRank, Metric::kBetweenness, Metric::kConstraint,
                     Metric::kCore, Metric::kComponents}) {
      want.add(m);
    }
  }
  const NodeId n = g.node_count();
  const double arcs = static_cast<double>(g.out_offsets().back());
  const unsigned threads = options.threads;
  ProgressMeter* progress = options.progress;
  auto stage = [&](std::string_view name, std::uint64_t total) {
    if (progress) progress->begin(name, total);
  };

  // The traversal kernels run on a copy in locality order, made on first use.
  std::optional<LocalityOrder> local_order;
  auto local = [&]() -> const LocalityOrder& {
    if (!local_order) local_order = locality_order(g);
    return *local_order;
  };

  NetworkReport r;
  GraphMetrics& gm = r.graph;
  NodeMetrics& nm = r.nodes;
  const Summary s = summarize(g);
  gm.nodes = s.nodes;
  gm.edges = s.edges;
  gm.self_loops = s.self_loops;
  gm.directed = s.directed;
  gm.weighted = g.weighted();
  gm.density = s.density;
  gm.reciprocity = s.reciprocity;
  gm.metcalfe_potential = s.metcalfe_potential;
  gm.metcalfe_ratio = s.metcalfe_ratio;
  gm.transitivity = gm.average_clustering = gm.modularity = kNaN;
  gm.average_path_length = gm.assortativity = kNaN;

  if (want.has(Metric::kDegree)) {
    Degrees d = compute_degrees(g);
    nm.degree = std::move(d.total);
    nm.in_degree = std::move(d.in);
    nm.out_degree = std::move(d.out);
    nm.strength = std::move(d.strength);
  }
  Components weak, strong;
  const bool need_components = want.has(Metric::kComponents) || want.has(Metric::kPaths);
  if (need_components) {
    stage("components", 1);
    weak = weak_components(g);
    strong = g.directed() ? strong_components(g) : weak;
    gm.components = weak.count();
    gm.strong_components = strong.count();
    if (weak.count() > 0) gm.largest_component = weak.sizes[weak.largest()];
  }
  if (want.has(Metric::kAssortativity)) gm.assortativity = degree_assortativity(g);
  if (want.has(Metric::kCore)) {
    CoreNumber core(g);
    core.run();
    nm.core = core.scores();
  }
  if (want.has(Metric::kClustering)) {
    stage("clustering", 1);
    Clustering c(g, threads);
    c.run();
    nm.clustering = c.scores();
    gm.transitivity = c.transitivity();
    gm.average_clustering = c.average();
  }
  if (want.has(Metric::kPageRank)) {
    stage("pagerank", 1);
    PageRank pr(g, {.threads = threads});
    pr.run();
    nm.pagerank = pr.scores();
    gm.pagerank_converged = pr.converged();
  }
  if (want.has(Metric::kEigenvector)) {
    stage("eigenvector", 1);
    EigenvectorCentrality ev(g, {.threads = threads});
    ev.run();
    nm.eigenvector = ev.scores();
    gm.eigenvector_converged = ev.converged();
  }
  if (want.has(Metric::kConstraint)) {
    stage("constraint", 1);
    Constraint c(g, threads);
    c.run();
    nm.constraint = c.scores();
  }
  if (want.has(Metric::kEffectiveSize)) {
    stage("effective size", 1);
    EffectiveSize e(g, threads);
    e.run();
    nm.effective_size = e.scores();
  }
  if (want.has(Metric::kCommunities)) {
    stage("communities", 1);
    Louvain lv(g, {.seed = options.seed});
    lv.run();
    nm.community = lv.community();
    gm.communities = lv.count();
    gm.modularity = lv.modularity();
  }
  if (want.has(Metric::kCloseness) || want.has(Metric::kHarmonic) || want.has(Metric::kPaths)) {
    DistanceProfileOptions dopt;
    dopt.threads = threads;
    dopt.seed = options.seed;
    dopt.progress = progress;
    const bool exact = options.distances == Mode::kExact ||
                       (options.distances == Mode::kAuto && n * arcs <= kExactDistanceWork);
    if (!exact) {
      dopt.sample_sources =
          options.distance_sources != 0 ? options.distance_sources : distance_samples_for(arcs, n);
    }
    std::vector<std::uint8_t> mask;
    if (want.has(Metric::kPaths)) {
      mask = path_component_mask(g, weak, strong);
      dopt.pair_nodes.assign(n, 0);
      for (NodeId u = 0; u < n; ++u) dopt.pair_nodes[local().to_local[u]] = mask[u];
    }
    stage(exact ? "distances" : "distances (sampled)",
          exact ? n : std::min<std::uint64_t>(n, dopt.sample_sources));
    DistanceProfile profile(local().graph, dopt);
    profile.run();
    gm.distances_sampled = profile.sampled();
    gm.distance_sources = profile.source_count();
    if (want.has(Metric::kCloseness)) {
      nm.closeness = to_original(local(), Closeness::from_profile(profile, n));
    }
    if (want.has(Metric::kHarmonic)) {
      nm.harmonic = to_original(local(), Harmonic::from_profile(profile, n));
    }
    if (want.has(Metric::kPaths)) {
      const PathLengths p = path_lengths_from_profile(profile, mask);
      gm.average_path_length = p.average;
      gm.diameter = p.diameter;
      gm.path_component_size = p.component_size;
    }
  }
  if (want.has(Metric::kBetweenness)) {
    BetweennessOptions bopt;
    bopt.threads = threads;
    bopt.seed = options.seed;
    bopt.progress = progress;
    const bool exact = options.betweenness == Mode::kExact ||
                       (options.betweenness == Mode::kAuto && n * arcs <= kExactBetweennessWork);
    if (!exact) {
      bopt.pivots =
          options.betweenness_pivots != 0 ? options.betweenness_pivots : samples_for(arcs, n);
    }
    stage(exact ? "betweenness" : "betweenness (sampled)",
          exact ? n : std::min<std::uint64_t>(n, bopt.pivots));
    Betweenness b(local().graph, bopt);
    b.run();
    nm.betweenness = to_original(local(), b.scores());
    gm.betweenness_sampled = b.sampled();
    gm.betweenness_pivots = b.sources();
    gm.betweenness_error_bound = b.error_bound();
  }
  if (want.has(Metric::kRoles)) {
    RoleInputs in;
    in.degree.resize(n);
    for (NodeId v = 0; v < n; ++v) {
      in.degree[v] = nm.degree[v] - (g.has_self_loop(v) ? 2 : 0);
    }
    in.pagerank = nm.pagerank;
    in.betweenness = nm.betweenness;
    in.constraint = nm.constraint;
    in.core = nm.core;
    in.in_largest_component.resize(n);
    for (NodeId v = 0; v < n; ++v) {
      in.in_largest_component[v] = weak.component[v] == weak.largest() ? 1 : 0;
    }
    nm.role = assign_roles(in);
  }
  if (!want.has(Metric::kComponents)) {
    gm.components.reset();
    gm.strong_components.reset();
    gm.largest_component.reset();
  }
  gm.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace kring::graph
