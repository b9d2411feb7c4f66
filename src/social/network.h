#pragma once
// Network analytics for the API: which scope a caller may analyse, a cache
// of computed reports per scope keyed by the scope's own version, and a
// background worker that (re)computes stale or missing reports so requests
// never wait for a metric run.
//
// What a caller can read changes only when the scope's network does: the
// version shown is the scope's fingerprint (network_snapshot.h), and a
// report is stale, recomputed and recorded in the history only when that
// fingerprint changed. The database-wide counter, which also counts activity
// in secret spaces, only tells the cache when to look again.
//
// Thread-safe. One worker thread; the analysis itself uses all cores.

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "core/result.h"
#include "graph/analysis.h"
#include "graph/graph.h"
#include "social/actor.h"
#include "social/instance_communities.h"
#include "social/network_snapshot.h"
#include "store/database.h"
#include "store/network_repository.h"

namespace kring::social {

struct NetworkResult {
  NetworkScope scope;
  std::uint64_t fingerprint = 0;  // NetworkSnapshot::fingerprint: the version callers see
  std::int64_t db_version = 0;    // internal, never shown
  Micros computed_at = 0;
  graph::Graph graph;
  graph::NetworkReport report;
  std::vector<MemberId> members;                  // node index -> member id
  std::vector<store::NetworkHistoryRow> history;  // oldest first, this one last
};

struct NetworkLookup {
  std::shared_ptr<const NetworkResult> result;  // empty while the first run computes
  bool stale = false;                           // the scope's network changed since
  // Members in a block with the caller, either way, and (but for admins)
  // suspended members, ascending: no list of members in a response to this
  // caller names them, even from a report computed before the block or
  // suspension.
  std::vector<MemberId> hidden;

  // Whether node v of result may be named to the caller.
  bool shows(graph::NodeId v) const;
};

class Network {
 public:
  explicit Network(store::Database& db);
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  // Whole-network and per-member metrics need the analyst role, or for a
  // space, hosting it. 404 for a space the caller may not see. Sets a space
  // scope's space_id.
  Status authorize_scope(const Actor& actor, NetworkScope& scope);

  // The cached report, queueing a recomputation when it is missing or stale.
  // 500 network_failed when there is none and computing this version failed.
  Result<NetworkLookup> lookup(const Actor& actor, const std::string& scope_text);
  // The network of a member's scope, for their own metrics: analysts for
  // anyone, members for themselves. 404 for a member in a block with the
  // caller, as for their profile.
  Result<NetworkLookup> lookup_member(const Actor& actor, const std::string& handle,
                                      const std::string& scope_text, MemberId& member_id);

  // The whole-instance report as last computed, or empty before the first,
  // for counts over many members that name no one (how many communities an
  // idea's supporters come from: instance_communities.h); so it asks for no
  // role, and a caller must never show which member is in which community.
  // Never waits: when there is no report, or the last look is more than
  // kInstanceRecheck ago, it queues a look, and the worker scans the
  // instance's version and recomputes only if its network changed (a
  // request's own scan would cost O(n + m)).
  std::shared_ptr<const NetworkResult> cached_instance_report();

  // Blocks until the worker has nothing queued (tests and the CLI).
  void wait_idle();

 private:
  // The scope's versions now, scanning its inputs only when the database
  // changed since the last scan of this scope (one scan at a time).
  Result<ScopeVersion> current_version(const NetworkScope& scope);
  // lookup() once the scope is authorized (by authorize_scope or decide()).
  Result<NetworkLookup> read_scope(const Actor& actor, const NetworkScope& scope);
  std::vector<MemberId> hidden_from(const Actor& actor);
  void enqueue(const NetworkScope& scope, std::uint64_t fingerprint);
  void run_worker();
  void compute(const NetworkScope& scope);

  store::Database& db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<NetworkScope> queue_;
  std::set<std::string> queued_;
  bool busy_ = false;
  bool stopping_ = false;
  std::map<std::string, std::shared_ptr<const NetworkResult>> cache_;
  // Scope -> its versions at the last scan.
  std::map<std::string, ScopeVersion> checked_;
  std::mutex scan_mutex_;  // held while scanning; not with mutex_
  // Scope -> fingerprint queued for computation.
  std::map<std::string, std::uint64_t> wanted_;
  // Scope -> fingerprint whose computation failed: not retried, and
  // reported, until the scope's network changes.
  std::map<std::string, std::uint64_t> failed_;
  // When cached_instance_report() last queued a look.
  Micros instance_looked_at_ = 0;
  std::thread worker_;
  // Registered last and let go first (in ~Network), so no item view asks a
  // Network that is stopping.
  std::optional<InstanceCommunitiesSource> communities_source_;
};

// How often cached_instance_report() looks whether the instance changed.
inline constexpr Micros kInstanceRecheck = 30'000'000;

// Builds and analyses a scope's network now, on the calling thread.
Result<NetworkResult> analyse_scope(store::Database& db, const NetworkScope& scope);

}  // namespace kring::social
