#include "social/instance_communities.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "social/network.h"
#include "store/database_file.h"

namespace kring::social {

namespace {

// Database file -> the Networks serving it, the newest last.
struct Sources {
  std::mutex mutex;
  std::map<std::string, std::vector<Network*>> by_file;
};

Sources& sources() {
  static Sources s;
  return s;
}

}  // namespace

InstanceCommunities InstanceCommunities::of(store::Connection& conn) {
  const std::string file = store::database_file(conn);
  if (file.empty()) return {};
  Sources& s = sources();
  // Asked under the lock, so the Network cannot unregister and go meanwhile.
  std::lock_guard lock(s.mutex);
  auto it = s.by_file.find(file);
  if (it == s.by_file.end() || it->second.empty()) return {};
  return InstanceCommunities(it->second.back()->cached_instance_report());
}

VoterCommunity InstanceCommunities::community_of(MemberId member) const {
  if (!report_) return std::nullopt;
  const auto& members = report_->members;  // ascending: node index -> member id
  const auto& community = report_->report.nodes.community;
  auto it = std::lower_bound(members.begin(), members.end(), member);
  if (it == members.end() || *it != member) return std::nullopt;
  auto node = static_cast<std::size_t>(it - members.begin());
  if (node >= community.size()) return std::nullopt;
  return static_cast<std::int64_t>(community[node]);
}

std::unordered_map<ItemId, Support> InstanceCommunities::support_of(
    std::span<const store::ItemVoter> voters) const {
  std::unordered_map<ItemId, Support> out;
  std::vector<VoterCommunity> communities;
  for (std::size_t i = 0; i < voters.size();) {
    std::size_t j = i;
    communities.clear();
    for (; j < voters.size() && voters[j].item == voters[i].item; ++j) {
      communities.push_back(community_of(voters[j].member));
    }
    out[voters[i].item] = tally_support(communities);
    i = j;
  }
  return out;
}

std::unordered_map<ItemId, Support> support_of_items(store::Connection& conn,
                                                     std::vector<ItemId> items) {
  auto voters = store::VoteRepository(conn).voters_of(std::move(items));
  return InstanceCommunities::of(conn).support_of(voters);
}

InstanceCommunitiesSource::InstanceCommunitiesSource(store::Database& db, Network& network)
    : network_(&network) {
  {
    auto conn = db.lease();
    file_ = store::database_file(*conn);
  }
  if (file_.empty()) return;
  Sources& s = sources();
  std::lock_guard lock(s.mutex);
  s.by_file[file_].push_back(network_);
}

InstanceCommunitiesSource::~InstanceCommunitiesSource() {
  if (file_.empty()) return;
  Sources& s = sources();
  std::lock_guard lock(s.mutex);
  auto it = s.by_file.find(file_);
  if (it == s.by_file.end()) return;
  std::erase(it->second, network_);
  if (it->second.empty()) s.by_file.erase(it);
}

}  // namespace kring::social
