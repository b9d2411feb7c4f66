// `kring analyze (--data DIR | FILE) [--directed] [--metrics LIST]
//  [--scope SCOPE] [--ego LABEL] [--format table|csv|json]`:
// the network-analysis engine (src/graph/) on a file or on an instance.
// Exit codes: 0 ok, 1 bad arguments, 2 unreadable or malformed input.

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/instance_network.h"
#include "graph/analysis.h"
#include "graph/graph.h"
#include "graph/readers.h"
#include "graph/report_writer.h"
#include "graph/subgraph.h"

namespace kring::cli {
namespace {

struct AnalyzeOptions {
  std::string file;
  std::string data_dir;
  std::string scope = "instance";
  std::string ego;
  std::string metrics = "all";
  std::string format = "table";
  bool directed = false;
  bool exact = false;
  std::uint32_t samples = 0;
  unsigned threads = 0;
  std::uint64_t seed = 42;
  bool progress = false;
};

// Redraws a one-line progress bar on stderr every 200 ms until stopped.
class ProgressBar {
 public:
  explicit ProgressBar(const graph::ProgressMeter& meter) : meter_(meter) {
    thread_ = std::thread([this] { loop(); });
  }
  ~ProgressBar() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    std::fputs("\r\033[K", stderr);
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; })) {
      const auto s = meter_.snapshot();
      if (s.stage.empty()) continue;
      const double f = s.total == 0 ? 0.0 : std::min(1.0, double(s.done) / double(s.total));
      const int filled = static_cast<int>(f * 30);
      std::fprintf(stderr, "\r\033[K%-24s [%s%s] %3d%%", s.stage.c_str(),
                   std::string(filled, '#').c_str(), std::string(30 - filled, '.').c_str(),
                   static_cast<int>(f * 100));
      std::fflush(stderr);
    }
  }

  const graph::ProgressMeter& meter_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

void fail(int code, const std::string& message) {
  std::cerr << "kring analyze: " << message << "\n";
  set_exit_code(code);
}

void run_analyze(const AnalyzeOptions& o) {
  if (o.file.empty() == o.data_dir.empty()) {
    return fail(1, "give either FILE or --data DIR");
  }
  if (o.format != "table" && o.format != "csv" && o.format != "json") {
    return fail(1, "--format must be table, csv or json");
  }
  auto metrics = graph::parse_metrics(o.metrics);
  if (!metrics) return fail(1, metrics.error().message);

  auto list = o.file.empty() ? load_instance_network(o.data_dir, o.scope)
                             : graph::read_graph_file(o.file, o.directed);
  if (!list) return fail(2, list.error().message);
  if (o.directed) list->directed = true;
  auto graph = graph::Graph::build(std::move(*list));
  if (!graph) return fail(2, graph.error().message);
  if (!o.ego.empty()) {
    auto center = graph::find_node(*graph, o.ego);
    if (!center) return fail(1, "--ego: " + center.error().message);
    graph = graph::ego_network(*graph, *center);
  }

  graph::AnalysisOptions options;
  options.metrics = *metrics;
  options.threads = o.threads;
  options.seed = o.seed;
  if (o.exact) {
    options.betweenness = options.distances = graph::Mode::kExact;
  } else if (o.samples != 0) {
    options.betweenness = options.distances = graph::Mode::kSampled;
    options.betweenness_pivots = options.distance_sources = o.samples;
  }
  graph::ProgressMeter meter;
  graph::NetworkReport report;
  {
    std::unique_ptr<ProgressBar> bar;
    if (o.progress || isatty(STDERR_FILENO)) {
      options.progress = &meter;
      bar = std::make_unique<ProgressBar>(meter);
    }
    report = graph::analyze(*graph, options);
  }
  std::ios::sync_with_stdio(false);
  if (o.format == "json") {
    graph::write_report_json(std::cout, *graph, report);
  } else if (o.format == "csv") {
    graph::write_report_csv(std::cout, *graph, report);
  } else {
    graph::write_report_table(std::cout, *graph, report);
  }
  std::cout.flush();
}

}  // namespace

void add_analyze_command(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand("analyze", "Network metrics of a graph file or of the instance");
  cmd->add_option("FILE", o->file,
                  "Edge list (.txt .edges .edgelist .csv .tsv), .graphml, .gml or Pajek .net");
  cmd->add_option("--data", o->data_dir, "Analyse the instance in this data directory");
  cmd->add_option("--scope", o->scope, "With --data: instance, space:SLUG or tag:TAG")
      ->capture_default_str();
  cmd->add_option("--ego", o->ego, "Only the ego network (radius 1) of the node with this label");
  cmd->add_flag("--directed", o->directed, "Treat ties as directed");
  cmd->add_option("--metrics", o->metrics, "Comma-separated metrics: " + graph::metric_names())
      ->capture_default_str();
  cmd->add_option("--format", o->format, "table, csv or json")->capture_default_str();
  cmd->add_flag("--exact", o->exact, "Exact betweenness and distances even on large graphs");
  cmd->add_option("--samples", o->samples,
                  "Estimate betweenness and distances from this many sampled sources");
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed for samples and community detection")
      ->capture_default_str();
  cmd->add_flag("--progress", o->progress, "Show a progress bar even when stderr is no terminal");
  cmd->callback([o] { run_analyze(*o); });
}

}  // namespace kring::cli
