// Google Benchmark of the graph kernels on a generated social network of
// KRING_BENCH_NODES nodes (default 100000), two threads. Run:
//   build/bench/graph/kring_graph_bench --benchmark_filter=PageRank
// The cross-library comparison is run_bench.py; this binary is for
// measuring one kernel before and after a change.

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "graph/analysis.h"
#include "graph/assortativity.h"
#include "graph/betweenness.h"
#include "graph/clustering.h"
#include "graph/core_number.h"
#include "graph/distance_profile.h"
#include "graph/louvain.h"
#include "graph/pagerank.h"
#include "graph/structural_holes.h"
#include "social_graph_generator.h"

namespace kring::graph::bench {
namespace {

const Graph& bench_graph() {
  static const Graph g = [] {
    SocialGraphSpec spec;
    if (const char* n = std::getenv("KRING_BENCH_NODES")) spec.nodes = std::atoi(n);
    return std::move(Graph::build(generate_social_graph(spec)).value());
  }();
  return g;
}

void BM_PageRank(benchmark::State& state) {
  for (auto _ : state) {
    PageRank pr(bench_graph(), {.threads = 2});
    pr.run();
    benchmark::DoNotOptimize(pr.scores().data());
  }
}
BENCHMARK(BM_PageRank)->Unit(benchmark::kMillisecond);

void BM_Assortativity(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(degree_assortativity(bench_graph()));
}
BENCHMARK(BM_Assortativity)->Unit(benchmark::kMicrosecond);

void BM_SampledBetweenness(benchmark::State& state) {
  for (auto _ : state) {
    Betweenness b(bench_graph(), {.threads = 2, .pivots = 256});
    b.run();
    benchmark::DoNotOptimize(b.scores().data());
  }
}
BENCHMARK(BM_SampledBetweenness)->Unit(benchmark::kMillisecond);

void BM_DistanceProfile1024Sources(benchmark::State& state) {
  for (auto _ : state) {
    DistanceProfile p(bench_graph(), {.threads = 2, .sample_sources = 1024});
    p.run();
    benchmark::DoNotOptimize(p.reach().data());
  }
}
BENCHMARK(BM_DistanceProfile1024Sources)->Unit(benchmark::kMillisecond);

void BM_Clustering(benchmark::State& state) {
  for (auto _ : state) {
    Clustering c(bench_graph(), 2);
    c.run();
    benchmark::DoNotOptimize(c.scores().data());
  }
}
BENCHMARK(BM_Clustering)->Unit(benchmark::kMillisecond);

void BM_Constraint(benchmark::State& state) {
  for (auto _ : state) {
    Constraint c(bench_graph(), 2);
    c.run();
    benchmark::DoNotOptimize(c.scores().data());
  }
}
BENCHMARK(BM_Constraint)->Unit(benchmark::kMillisecond);

void BM_CoreNumber(benchmark::State& state) {
  for (auto _ : state) {
    CoreNumber k(bench_graph());
    k.run();
    benchmark::DoNotOptimize(k.scores().data());
  }
}
BENCHMARK(BM_CoreNumber)->Unit(benchmark::kMillisecond);

void BM_Louvain(benchmark::State& state) {
  for (auto _ : state) {
    Louvain lv(bench_graph());
    lv.run();
    benchmark::DoNotOptimize(lv.community().data());
  }
}
BENCHMARK(BM_Louvain)->Unit(benchmark::kMillisecond);

void BM_FullAnalysis(benchmark::State& state) {
  for (auto _ : state) {
    AnalysisOptions o;
    o.threads = 2;
    NetworkReport r = analyze(bench_graph(), o);
    benchmark::DoNotOptimize(r.nodes.role.data());
  }
}
BENCHMARK(BM_FullAnalysis)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace kring::graph::bench

BENCHMARK_MAIN();
