#include "social/suggestions.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "graph/components.h"
#include "social/capabilities.h"
#include "social/network_snapshot.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {

// Weights of the reasons in the ranking: a mutual connection is the
// strongest signal (triadic closure), a shared space next, a shared skill least.
constexpr double kMutualWeight = 3.0;
constexpr double kSpaceWeight = 2.0;
constexpr double kSkillWeight = 1.0;

std::vector<std::string> shared_terms(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b) {
  std::set<std::string> lower_b;
  for (const auto& s : b) lower_b.insert(store::normalize_term(s));
  std::vector<std::string> out;
  for (const auto& s : a) {
    if (lower_b.count(store::normalize_term(s))) out.push_back(s);
  }
  return out;
}

bool hosts_bridging(SpaceKind kind) { return kind != SpaceKind::kTeam; }

std::vector<BridgeSuggestion> bridges_for_space(store::Connection& conn, const Actor& actor,
                                                const Space& space) {
  auto snap =
      build_snapshot(conn, NetworkScope{NetworkScope::Kind::kSpace, space.slug}, now_micros());
  if (!snap || snap->members.size() < 3) return {};
  auto g = graph::Graph::build(std::move(snap->edges), {graph::DuplicatePolicy::kSum});
  if (!g) return {};
  const graph::Graph& graph = *g;
  graph::NodeId n = graph.node_count();
  auto components = graph::weak_components(graph);
  std::uint32_t largest = components.largest();

  auto two_step = [&](graph::NodeId p) {
    std::unordered_set<graph::NodeId> seen{p};
    for (auto v : graph.neighbors(p)) {
      seen.insert(v);
      for (auto w : graph.neighbors(v)) seen.insert(w);
    }
    return seen;
  };
  // Candidate bridges: the best-connected members of the main component.
  std::vector<graph::NodeId> hubs;
  for (graph::NodeId v = 0; v < n; ++v) {
    if (components.component[v] == largest) hubs.push_back(v);
  }
  std::sort(hubs.begin(), hubs.end(),
            [&](auto a, auto b) { return graph.neighbors(a).size() > graph.neighbors(b).size(); });
  if (hubs.size() > 50) hubs.resize(50);

  store::MemberRepository members(conn);
  store::TieRepository ties(conn);
  // Nobody in a block with the host is named to them, and two members in a
  // block with each other are never introduced.
  auto named = [&](graph::NodeId v) {
    return !ties.blocked_either_way(actor.id, snap->members[v]);
  };
  // Every isolated or peripheral member is weighed before any is named: the
  // introductions that widen a reach the most come first, and among equals
  // the newest member, whose first weeks decide whether they stay. Naming
  // the first kSuggestionLimit in member order would never reach a newcomer
  // in a space with ten others on its fringe.
  struct Candidate {
    graph::NodeId person, bridge;
    bool isolate;
    size_t reach, gain;
  };
  std::vector<Candidate> candidates;
  for (graph::NodeId p = 0; p < n; ++p) {
    size_t degree = graph.neighbors(p).size();
    bool isolate = degree == 0;
    bool peripheral = !isolate && (degree == 1 || components.component[p] != largest);
    if (!isolate && !peripheral) continue;
    if (!named(p)) continue;
    auto reach = two_step(p);
    graph::NodeId best = n;
    size_t best_gain = 0;
    for (auto b : hubs) {
      if (b == p || reach.count(b) || !named(b)) continue;
      if (ties.blocked_either_way(snap->members[p], snap->members[b])) continue;
      size_t gain = 1;
      for (auto w : graph.neighbors(b)) gain += (w != p && !reach.count(w)) ? 1 : 0;
      if (gain > best_gain) {
        best_gain = gain;
        best = b;
      }
    }
    if (best == n) continue;
    candidates.push_back({p, best, isolate, reach.size() - 1, best_gain});
  }
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.gain != b.gain) return a.gain > b.gain;
    return snap->members[a.person] > snap->members[b.person];
  });
  std::vector<BridgeSuggestion> out;
  for (const auto& c : candidates) {
    if (out.size() >= static_cast<size_t>(kSuggestionLimit)) break;
    auto person = members.find_by_id(snap->members[c.person]);
    auto bridge = members.find_by_id(snap->members[c.bridge]);
    if (!person || !bridge) continue;
    BridgeSuggestion s;
    s.space = space.slug;
    s.space_name = space.name;
    s.position = c.isolate ? "isolate" : "peripheral";
    s.reach_before = static_cast<std::int64_t>(c.reach);
    s.reach_after = s.reach_before + static_cast<std::int64_t>(c.gain);
    // The host sees each member through the profile's field visibility:
    // shared skills are those the host may see on both.
    s.member = view_member(conn, actor.id, std::move(*person), false);
    s.bridge = view_member(conn, actor.id, std::move(*bridge), false);
    s.shared_skills = shared_terms(s.member.member.profile.skills, s.bridge.member.profile.skills);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<Suggestions> SuggestionService::for_member(const Actor& actor) {
  KRING_TRY(decide(actor, Action::kViewSuggestions));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::MemberRepository members(*conn);
  store::TieRepository ties(*conn);
  store::SpaceRepository spaces(*conn);
  auto me = members.find_by_id(actor.id);
  if (!me) return Error::unauthenticated("session expired or unknown; log in again");

  struct Candidate {
    std::vector<MemberId> mutual;
    std::vector<std::string> spaces;
  };
  std::map<MemberId, Candidate> candidates;
  for (const auto& row : ties.second_degree(actor.id, std::nullopt, 200))
    candidates[row.other].mutual = row.via;
  auto my_spaces = spaces.spaces_of(actor.id, MembershipState::kActive, 50);
  for (const auto& space : my_spaces) {
    for (const auto& row : spaces.members(space.id, MembershipState::kActive, std::nullopt, 200)) {
      if (row.member_id == actor.id) continue;
      if (ties.find(actor.id, row.member_id, store::TieKind::kConnection)) continue;
      candidates[row.member_id].spaces.push_back(space.slug);
    }
  }
  Suggestions out;
  for (auto& [id, c] : candidates) {
    if (ties.blocked_either_way(actor.id, id)) continue;
    auto other = members.find_by_id(id);
    if (!other || other->suspended) continue;
    MemberView view = view_member(*conn, actor.id, std::move(*other), false);
    if (view.connection != ConnectionState::kNone) continue;
    ConnectSuggestion s;
    s.shared_skills = shared_terms(me->profile.skills, view.member.profile.skills);
    s.shared_spaces = c.spaces;
    for (MemberId via : c.mutual) {
      if (auto v = members.find_by_id(via)) s.mutual_connections.push_back(v->handle);
    }
    s.score = kMutualWeight * static_cast<double>(s.mutual_connections.size()) +
              kSpaceWeight * static_cast<double>(s.shared_spaces.size()) +
              kSkillWeight * static_cast<double>(s.shared_skills.size());
    s.member = std::move(view);
    out.connect.push_back(std::move(s));
  }
  std::sort(out.connect.begin(), out.connect.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : a.member.member.id < b.member.member.id;
  });
  if (out.connect.size() > static_cast<size_t>(kSuggestionLimit))
    out.connect.resize(kSuggestionLimit);
  for (auto& s : out.connect) fill_can(actor, s.member);

  for (const auto& space : my_spaces) {
    if (!hosts_bridging(space.kind)) continue;
    if (!allows(actor, Action::kViewBridgeSuggestions,
                Resource::of_space(space, spaces.membership(space.id, actor.id)))) {
      continue;
    }
    auto found = bridges_for_space(*conn, actor, space);
    out.bridges.insert(out.bridges.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace kring::social
