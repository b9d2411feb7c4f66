#include "graph/roles.h"

#include <algorithm>
#include <cmath>

namespace kring::graph {
namespace {

// The value a node must reach to be among the top `share` of `values`
// (at least one node qualifies). REQUIRES: !values.empty().
double top_cutoff(std::vector<double> values, double share) {
  const std::size_t k = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(share * static_cast<double>(values.size()))));
  std::nth_element(values.begin(), values.begin() + (k - 1), values.end(), std::greater<>());
  return values[k - 1];
}

}  // namespace

std::string_view role_name(Role r) {
  static constexpr std::string_view kNames[] = {"isolate", "hub", "broker", "peripheral", "member"};
  return kNames[static_cast<int>(r)];
}

std::vector<Role> assign_roles(const RoleInputs& in) {
  const std::size_t n = in.degree.size();
  std::vector<Role> roles(n, Role::kIsolate);
  std::vector<std::size_t> connected;
  for (std::size_t v = 0; v < n; ++v) {
    if (in.degree[v] > 0) connected.push_back(v);
  }
  if (connected.empty()) return roles;

  const bool use_pagerank = std::none_of(connected.begin(), connected.end(),
                                         [&](std::size_t v) { return std::isnan(in.pagerank[v]); });
  std::vector<double> rank_values, betweenness, constraint;
  double mean_degree = 0;
  for (std::size_t v : connected) {
    rank_values.push_back(use_pagerank ? in.pagerank[v] : in.degree[v]);
    betweenness.push_back(in.betweenness[v]);
    if (!std::isnan(in.constraint[v])) constraint.push_back(in.constraint[v]);
    mean_degree += in.degree[v];
  }
  mean_degree /= static_cast<double>(connected.size());
  const double hub_cut = top_cutoff(rank_values, kHubShare);
  const double broker_cut = top_cutoff(betweenness, kBrokerShare);
  double median_constraint = 0;
  if (!constraint.empty()) {
    const std::size_t mid = (constraint.size() - 1) / 2;
    std::nth_element(constraint.begin(), constraint.begin() + mid, constraint.end());
    median_constraint = constraint[mid];
  }
  for (std::size_t v : connected) {
    const double rank_value = use_pagerank ? in.pagerank[v] : in.degree[v];
    if (rank_value >= hub_cut && in.degree[v] >= kHubDegreeFactor * mean_degree) {
      roles[v] = Role::kHub;
    } else if (in.betweenness[v] > 0 && in.betweenness[v] >= broker_cut &&
               !std::isnan(in.constraint[v]) && in.constraint[v] <= median_constraint) {
      roles[v] = Role::kBroker;
    } else if (in.core[v] <= 1 || !in.in_largest_component[v]) {
      roles[v] = Role::kPeripheral;
    } else {
      roles[v] = Role::kMember;
    }
  }
  return roles;
}

}  // namespace kring::graph
