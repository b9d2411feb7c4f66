#include "social_graph_generator.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace kring::graph::bench {
namespace {

// A draw from a continuous power law p(x) ~ x^-exponent on [lo, hi].
double power_law(std::mt19937_64& rng, double lo, double hi, double exponent) {
  std::uniform_real_distribution<double> u(0, 1);
  const double a = 1 - exponent;
  const double x = std::pow(std::pow(lo, a) + u(rng) * (std::pow(hi, a) - std::pow(lo, a)), 1 / a);
  return x;
}

void pair_stubs(std::vector<NodeId>& stubs, std::mt19937_64& rng, std::vector<Edge>& out) {
  std::shuffle(stubs.begin(), stubs.end(), rng);
  for (std::size_t i = 0; i + 1 < stubs.size(); i += 2) {
    NodeId a = stubs[i], b = stubs[i + 1];
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    out.push_back(Edge{a, b, 1.0, 0});
  }
}

}  // namespace

EdgeList generate_social_graph(const SocialGraphSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  const NodeId n = spec.nodes;
  // Minimum degree chosen so that the mean of the power law hits the target:
  // mean = lo * (g-1)/(g-2) for an untruncated law.
  const double g = spec.degree_exponent;
  const double lo = spec.average_degree * (g - 2) / (g - 1);
  const double hi = std::max(lo + 1, std::sqrt(static_cast<double>(n)) * 10);
  std::vector<std::uint32_t> degree(n);
  std::vector<double> draw(n);
  double sum = 0;
  for (double& d : draw) sum += (d = power_law(rng, lo, hi, g));
  // Rescale so the drawn mean is the target despite truncation at `hi`; the
  // 15% extra makes up for the self-loops and repeated pairs dropped below.
  const double scale = 1.15 * spec.average_degree * n / sum;
  for (NodeId u = 0; u < n; ++u)
    degree[u] = static_cast<std::uint32_t>(std::lround(draw[u] * scale));

  // Community sizes from a power law (exponent 1.5) until every node has one.
  std::vector<std::uint32_t> community(n);
  std::vector<NodeId> order(n);
  for (NodeId i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  std::uint32_t communities = 0;
  for (NodeId placed = 0; placed < n; ++communities) {
    auto size = static_cast<NodeId>(power_law(rng, spec.min_community, spec.max_community, 1.5));
    size = std::min(size, n - placed);
    for (NodeId k = 0; k < size; ++k) community[order[placed + k]] = communities;
    placed += size;
  }

  std::vector<std::vector<NodeId>> inner(communities);
  std::vector<NodeId> outer;
  std::bernoulli_distribution outside(spec.mixing);
  for (NodeId u = 0; u < n; ++u) {
    for (std::uint32_t k = 0; k < degree[u]; ++k) {
      (outside(rng) ? outer : inner[community[u]]).push_back(u);
    }
  }
  std::vector<Edge> edges;
  for (auto& stubs : inner) pair_stubs(stubs, rng, edges);
  pair_stubs(outer, rng, edges);
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return x.source != y.source ? x.source < y.source : x.target < y.target;
  });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const Edge& x, const Edge& y) {
                            return x.source == y.source && x.target == y.target;
                          }),
              edges.end());
  std::shuffle(edges.begin(), edges.end(), rng);

  EdgeList list;
  list.labels.reserve(n);
  for (NodeId u = 0; u < n; ++u) list.labels.push_back(std::to_string(u));
  list.edges = std::move(edges);
  return list;
}

}  // namespace kring::graph::bench
