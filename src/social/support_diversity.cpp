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

std::int64_t diverse_key(double score) { return std::llround(score * kDiverseKeyScale); }

namespace {
// Whether a comes before b in the diverse order.
bool ranks_before(std::int64_t key_a, ItemId id_a, std::int64_t key_b, ItemId id_b) {
  return key_a != key_b ? key_a > key_b : id_a > id_b;
}
}  // namespace

DiverseRanking::DiverseRanking(std::optional<CursorKey> after, std::size_t size)
    : after_(after), size_(size) {
  best_.reserve(size + 1);
}

bool DiverseRanking::open_to(std::int64_t votes, ItemId id) const {
  if (best_.size() < size_) return true;
  if (size_ == 0) return false;
  return ranks_before(diverse_key(static_cast<double>(votes)), id, best_.back().key,
                      best_.back().id);
}

void DiverseRanking::offer(ItemId id, std::int64_t key) {
  if (after_ && !ranks_before(after_->major, after_->id, key, id)) return;
  if (best_.size() == size_ &&
      (size_ == 0 || !ranks_before(key, id, best_.back().key, best_.back().id))) {
    return;
  }
  auto at = std::upper_bound(best_.begin(), best_.end(), RankedItem{id, key},
                             [](const RankedItem& a, const RankedItem& b) {
                               return ranks_before(a.key, a.id, b.key, b.id);
                             });
  best_.insert(at, RankedItem{id, key});
  if (best_.size() > size_) best_.pop_back();
}

}  // namespace kring::social
