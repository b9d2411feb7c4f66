#include "social/network.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>

#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

Result<NetworkResult> analyse_scope(store::Database& db, const NetworkScope& scope) {
  auto conn = db.lease();
  NetworkResult out;
  out.scope = scope;
  {
    store::Transaction tx(*conn, store::Transaction::Kind::kRead);
    auto snap = build_snapshot(*conn, scope, now_micros());
    if (!snap) return std::move(snap).error();
    out.fingerprint = snap->fingerprint;
    out.db_version = snap->db_version;
    out.members = std::move(snap->members);
    // Repeated interactions between two members strengthen one tie.
    auto g = graph::Graph::build(std::move(snap->edges), {graph::DuplicatePolicy::kSum});
    if (!g) return std::move(g).error();
    out.graph = std::move(*g);
  }
  out.report = graph::analyze(out.graph);
  out.computed_at = now_micros();
  const auto& m = out.report.graph;
  store::NetworkHistoryRow row;
  row.scope = scope.cache_key();
  row.version = static_cast<std::int64_t>(out.fingerprint);
  row.computed_at = out.computed_at;
  row.nodes = static_cast<std::int64_t>(m.nodes);
  row.edges = static_cast<std::int64_t>(m.edges);
  row.density = m.density;
  row.components = m.components.value_or(0);
  row.average_clustering = m.average_clustering;
  row.modularity = m.modularity;
  row.communities = m.communities.value_or(0);
  row.average_path_length = m.average_path_length;
  for (auto r : out.report.nodes.role) row.isolates += r == graph::Role::kIsolate ? 1 : 0;
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::NetworkRepository repo(*conn);
  repo.record_history(row);
  out.history = repo.history(row.scope, 50);
  tx.commit();
  return out;
}

namespace {
// A queued computation whose fingerprint the queuer did not scan for
// (cached_instance_report): the worker scans first.
constexpr std::uint64_t kUnscanned = 0;
}  // namespace

Network::Network(store::Database& db) : db_(db), worker_([this] { run_worker(); }) {
  communities_source_.emplace(db_, *this);
}

Network::~Network() {
  communities_source_.reset();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

Status Network::authorize_scope(const Actor& actor, NetworkScope& scope) {
  if (scope.kind != NetworkScope::Kind::kSpace) {
    return decide(actor, Action::kViewNetworkMetrics);
  }
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::SpaceRepository spaces(*conn);
  auto space = spaces.find_by_slug(scope.key);
  std::optional<Membership> m;
  if (space) m = spaces.membership(space->id, actor.id);
  if (!space) {
    return refuse_missing(actor, Action::kViewSpaceNetwork,
                          "no space with slug '" + scope.key + "'");
  }
  // Hosts see their own space's network; analysts see spaces whose content
  // they may read (a secret space's network stays with its members).
  KRING_TRY(decide(actor, Action::kViewSpaceNetwork, Resource::of_space(*space, m)));
  scope.space_id = space->id;
  return {};
}

bool NetworkLookup::shows(graph::NodeId v) const {
  if (hidden.empty() || !result) return true;
  return !std::binary_search(hidden.begin(), hidden.end(), result->members[v]);
}

Result<ScopeVersion> Network::current_version(const NetworkScope& scope) {
  const std::string key = scope.cache_key();
  // The scan lock comes first, so that requests waiting for it hold no
  // connection from the pool.
  std::lock_guard scan(scan_mutex_);
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  std::int64_t db_version = store::NetworkRepository(*conn).version();
  {
    std::lock_guard lock(mutex_);
    auto it = checked_.find(key);
    if (it != checked_.end() && it->second.db_version == db_version) return it->second;
  }
  // Something changed somewhere, perhaps only inside a secret space: read
  // this scope's inputs to learn whether its own network did.
  auto version = scope_version(*conn, scope);
  if (!version) return std::move(version).error();
  std::lock_guard lock(mutex_);
  checked_[key] = *version;
  return *version;
}

std::vector<MemberId> Network::hidden_from(const Actor& actor) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::NetworkRepository repo(*conn);
  auto out = repo.blocked_with(actor.id);
  if (!actor.is_admin()) {
    auto suspended = repo.suspended_members();
    std::vector<MemberId> both;
    both.reserve(out.size() + suspended.size());
    std::set_union(out.begin(), out.end(), suspended.begin(), suspended.end(),
                   std::back_inserter(both));
    out = std::move(both);
  }
  return out;
}

Result<NetworkLookup> Network::lookup(const Actor& actor, const std::string& scope_text) {
  auto scope = parse_scope(scope_text);
  if (!scope) return std::move(scope).error();
  KRING_TRY(authorize_scope(actor, *scope));
  return read_scope(actor, *scope);
}

Result<NetworkLookup> Network::read_scope(const Actor& actor, const NetworkScope& scope) {
  auto current = current_version(scope);
  if (!current) return std::move(current).error();
  NetworkLookup out;
  out.hidden = hidden_from(actor);
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(scope.cache_key()); it != cache_.end()) out.result = it->second;
    auto failed = failed_.find(scope.cache_key());
    if (failed != failed_.end() && failed->second == current->fingerprint) {
      if (!out.result) {
        return Error{ErrorCode::kInternal, "network_failed",
                     "this network could not be computed; it is tried again when it changes"};
      }
      out.stale = out.result->fingerprint != current->fingerprint;
      return out;
    }
  }
  out.stale = !out.result || out.result->fingerprint != current->fingerprint;
  if (out.stale) enqueue(scope, current->fingerprint);
  return out;
}

Result<NetworkLookup> Network::lookup_member(const Actor& actor, const std::string& handle,
                                             const std::string& scope_text, MemberId& member_id) {
  std::optional<Member> member;
  bool visible = false;
  {
    auto conn = db_.lease();
    store::Transaction tx(*conn, store::Transaction::Kind::kRead);
    member = store::MemberRepository(*conn).find_by_handle(handle);
    visible = member && may_see_member(actor, member_standing(*conn, actor.id, *member));
  }
  const std::string missing = "no member with handle '" + handle + "'";
  if (!member) return refuse_missing(actor, Action::kViewOwnNetworkPosition, missing);
  Resource r;
  r.own = member->id == actor.id;
  r.visible = visible;
  r.not_found = missing;
  auto scope = parse_scope(scope_text);
  if (!scope) return std::move(scope).error();
  member_id = member->id;
  // Members may see their own position in the instance network; any other
  // ego network is the scope's to allow.
  if (!r.own || scope->kind != NetworkScope::Kind::kInstance) {
    if (!r.visible) return refuse_missing(actor, Action::kViewNetworkMetrics, missing);
    KRING_TRY(authorize_scope(actor, *scope));
    return read_scope(actor, *scope);
  }
  KRING_TRY(decide(actor, Action::kViewOwnNetworkPosition, r));
  return read_scope(actor, *scope);
}

void Network::enqueue(const NetworkScope& scope, std::uint64_t fingerprint) {
  {
    std::lock_guard lock(mutex_);
    wanted_[scope.cache_key()] = fingerprint;
    if (!queued_.insert(scope.cache_key()).second) return;
    queue_.push_back(scope);
  }
  wake_.notify_one();
}

std::shared_ptr<const NetworkResult> Network::cached_instance_report() {
  const NetworkScope instance;
  const Micros now = now_micros();
  std::shared_ptr<const NetworkResult> out;
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(instance.cache_key()); it != cache_.end()) out = it->second;
    if (queued_.contains(instance.cache_key())) return out;
    if (out && instance_looked_at_ != 0 && now - instance_looked_at_ < kInstanceRecheck) {
      return out;
    }
    instance_looked_at_ = now;
  }
  enqueue(instance, kUnscanned);
  return out;
}

void Network::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void Network::run_worker() {
  for (;;) {
    NetworkScope scope;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      scope = queue_.front();
      queue_.pop_front();
      busy_ = true;
    }
    compute(scope);
    {
      std::lock_guard lock(mutex_);
      queued_.erase(scope.cache_key());
      busy_ = false;
    }
    idle_.notify_all();
  }
}

void Network::compute(const NetworkScope& scope) {
  std::uint64_t wanted = 0;
  {
    std::lock_guard lock(mutex_);
    wanted = wanted_[scope.cache_key()];
  }
  auto fail = [&](std::string_view why) {
    spdlog::error("network scope={} not computed: {}", scope.cache_key(), why);
    std::lock_guard lock(mutex_);
    failed_[scope.cache_key()] = wanted;
  };
  try {
    if (wanted == kUnscanned) {
      // Scanned here, off the request path: nothing to do when the cached
      // report, or the last failure, is of the scope's network as it is.
      auto current = current_version(scope);
      if (!current) return fail(current.error().message);
      wanted = current->fingerprint;
      std::lock_guard lock(mutex_);
      auto cached = cache_.find(scope.cache_key());
      if (cached != cache_.end() && cached->second->fingerprint == wanted) return;
      auto failed = failed_.find(scope.cache_key());
      if (failed != failed_.end() && failed->second == wanted) return;
    }
    auto result = analyse_scope(db_, scope);
    if (!result) return fail(result.error().message);
    spdlog::info("network scope={} nodes={} edges={} seconds={:.3f}", scope.text(),
                 result->report.graph.nodes, result->report.graph.edges,
                 result->report.graph.seconds);
    auto shared = std::make_shared<const NetworkResult>(std::move(*result));
    std::lock_guard lock(mutex_);
    cache_[scope.cache_key()] = std::move(shared);
    failed_.erase(scope.cache_key());
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

}  // namespace kring::social
