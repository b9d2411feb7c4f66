#pragma once
// A role per member, from metrics computed elsewhere. The rule (also in
// docs/network-metrics.md), applied in this order, first match wins:
//   isolate     no tie to another member (degree without self-loops is 0);
//   hub         PageRank among the top kHubShare of the connected members
//               (at least one) and degree >= kHubDegreeFactor x their mean
//               degree: a member many others reach;
//   broker      betweenness > 0 and among the top kBrokerShare of the
//               connected members, and constraint at most their median:
//               bridges structural holes between otherwise separate groups
//               (Burt 1992);
//   peripheral  k-core number <= 1 (hangs on by a single chain of ties) or
//               outside the largest (weakly) connected component;
//   member      everyone else: embedded in the network, no special position.
// Shares are of the members with at least one tie; ties at a cut-off value
// all qualify. When PageRank is unavailable (not converged), degree ranks
// hubs instead. O(n log n). Thread-safety: pure function.

#include <cstdint>
#include <string_view>
#include <vector>

namespace kring::graph {

enum class Role : std::uint8_t { kIsolate, kHub, kBroker, kPeripheral, kMember };

inline constexpr double kHubShare = 0.05;
inline constexpr double kHubDegreeFactor = 2.0;
inline constexpr double kBrokerShare = 0.10;

std::string_view role_name(Role r);

struct RoleInputs {
  std::vector<std::uint32_t> degree;  // total degree without self-loops
  std::vector<double> pagerank;       // NaN when unavailable
  std::vector<double> betweenness;
  std::vector<double> constraint;  // NaN when undefined
  std::vector<std::uint32_t> core;
  std::vector<std::uint8_t> in_largest_component;
};

// REQUIRES: all vectors have the same size.
std::vector<Role> assign_roles(const RoleInputs& in);

}  // namespace kring::graph
