#include "social/support_diversity.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kring::social {

double diverse_score(std::span<const std::int64_t> votes_per_community) {
  double score = 0;
  for (std::int64_t votes : votes_per_community) {
    if (votes > 0) score += std::sqrt(static_cast<double>(votes));
  }
  return score;
}

Support tally_support(std::span<const VoterCommunity> voters) {
  std::vector<std::int64_t> clustered;
  std::vector<std::int64_t> per_community;
  for (const VoterCommunity& c : voters) {
    if (c) {
      clustered.push_back(*c);
    } else {
      per_community.push_back(1);  // a community of one
    }
  }
  std::sort(clustered.begin(), clustered.end());
  for (size_t i = 0; i < clustered.size();) {
    size_t j = i;
    while (j < clustered.size() && clustered[j] == clustered[i]) ++j;
    per_community.push_back(static_cast<std::int64_t>(j - i));
    i = j;
  }
  Support out;
  out.votes = static_cast<std::int64_t>(voters.size());
  out.communities = static_cast<std::int64_t>(per_community.size());
  out.diverse_score = diverse_score(per_community);
  return out;
}

}  // namespace kring::social
