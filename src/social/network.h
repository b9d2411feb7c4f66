#pragma once
// Network analytics for the API: which scope a caller may analyse, a cache
// of computed reports per scope keyed by the network's version, and a
// background worker that (re)computes stale or missing reports so requests
// never wait for a metric run.
//
// Thread-safe. One worker thread; the analysis itself uses all cores.

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/result.h"
#include "graph/analysis.h"
#include "graph/graph.h"
#include "social/actor.h"
#include "social/network_snapshot.h"
#include "store/database.h"
#include "store/network_repository.h"

namespace kring::social {

struct NetworkResult {
  NetworkScope scope;
  std::int64_t version = 0;
  Micros computed_at = 0;
  graph::Graph graph;
  graph::NetworkReport report;
  std::vector<MemberId> members;                  // node index -> member id
  std::vector<store::NetworkHistoryRow> history;  // oldest first, this one last
};

struct NetworkLookup {
  std::shared_ptr<const NetworkResult> result;  // empty while the first run computes
  bool stale = false;                           // the network changed since
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
  // anyone, members for themselves.
  Result<NetworkLookup> lookup_member(const Actor& actor, const std::string& handle,
                                      const std::string& scope_text, MemberId& member_id);

  // Blocks until the worker has nothing queued (tests and the CLI).
  void wait_idle();

 private:
  void enqueue(const NetworkScope& scope);
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
  // Scope -> network version whose computation failed: not retried, and
  // reported, until the network changes.
  std::map<std::string, std::int64_t> failed_;
  std::thread worker_;
};

// Builds and analyses a scope's network now, on the calling thread.
Result<NetworkResult> analyse_scope(store::Database& db, const NetworkScope& scope);

}  // namespace kring::social
