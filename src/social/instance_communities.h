#pragma once
// The whole-instance network's communities as item views count them: how
// many communities an idea's supporters come from, and the scores of the
// `diverse` sort (support_diversity.h). Reading them needs no role, since
// only counts over many members leave the server, never which member is in
// which community (the network endpoints, which show that, need the analyst
// role). Like the vote count, the counts include members in a block with
// the viewer: they name no one.
//
// Item views are built by many services from a bare connection, so the
// Network that serves a database registers itself here under the
// database's file (InstanceCommunitiesSource), and a view finds it from its
// connection. The communities are those of the last computed report
// (Network::cached_instance_report: never waits for a computation, asks for
// one when there is none or it may be out of date). Until there is one, or
// where no Network serves the database (a CLI command), no voter is in the
// snapshot, so each counts as a community of their own (support_diversity.h)
// and an idea's score is its vote count.
//
// Thread-safe.

#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/item.h"
#include "social/support_diversity.h"
#include "store/database.h"
#include "store/vote_repository.h"

namespace kring::social {

class Network;
struct NetworkResult;

class InstanceCommunities {
 public:
  // No snapshot: everyone is a community of their own.
  InstanceCommunities() = default;
  explicit InstanceCommunities(std::shared_ptr<const NetworkResult> report)
      : report_(std::move(report)) {}

  // The communities of the instance whose database conn reads.
  static InstanceCommunities of(store::Connection& conn);

  // The member's community in the snapshot; nullopt when not in it (joined
  // since, suspended when it was taken, or no snapshot).
  VoterCommunity community_of(MemberId member) const;
  // Each item's support from its voters as VoteRepository::voters_of lists
  // them (grouped by item); items without voters are absent.
  std::unordered_map<ItemId, Support> support_of(std::span<const store::ItemVoter> voters) const;

 private:
  std::shared_ptr<const NetworkResult> report_;
};

// The support of each of these items (those with voters; any order), its
// voters read in one query. REQUIRES: a read transaction on conn.
std::unordered_map<ItemId, Support> support_of_items(store::Connection& conn,
                                                     std::vector<ItemId> items);

// While it lives, InstanceCommunities::of a connection to db's file asks
// network (the last one registered, if several serve one file). Network
// holds one for its whole life. An in-memory database is not registered.
class InstanceCommunitiesSource {
 public:
  InstanceCommunitiesSource(store::Database& db, Network& network);
  ~InstanceCommunitiesSource();
  InstanceCommunitiesSource(const InstanceCommunitiesSource&) = delete;
  InstanceCommunitiesSource& operator=(const InstanceCommunitiesSource&) = delete;

 private:
  std::string file_;
  Network* network_;
};

}  // namespace kring::social
