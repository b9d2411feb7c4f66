#include "social/reputation.h"

#include <span>

#include "core/kinds.h"
#include "social/policy.h"
#include "social/visibility.h"
#include "store/member_repository.h"

namespace kring::social {

namespace {

using store::Act;

struct Rung {
  ParticipationType type;
  std::initializer_list<Act> acts;  // any one of them, once in the window, puts a member here
};

// Li and Bernoff's ladder, top first; the first rung with an act wins.
// Sign-ins only tell a spectator from an inactive member.
const Rung kRungs[] = {
    {ParticipationType::kCreator, {Act::kPostItem}},
    {ParticipationType::kCritic, {Act::kReply}},
    {ParticipationType::kCollector, {Act::kReact, Act::kVote, Act::kFollowItem}},
    {ParticipationType::kJoiner, {Act::kJoinSpace, Act::kTie, Act::kRsvp, Act::kPledge}},
    {ParticipationType::kSpectator, {Act::kSignIn}},
};

// Every kind in vocabulary order, with the repository's totals where it has some.
std::vector<store::ConfirmedTotal> every_kind(std::vector<store::ConfirmedTotal> found) {
  std::vector<store::ConfirmedTotal> out;
  for (auto kind : contribution_kinds()) {
    store::ConfirmedTotal total{std::string(kind), 0, 0};
    for (auto& f : found) {
      if (f.kind == kind) total = std::move(f);
    }
    out.push_back(std::move(total));
  }
  return out;
}

}  // namespace

ParticipationType participation_type(const std::array<bool, store::kActCount>& acts) {
  for (const auto& rung : kRungs) {
    for (Act act : rung.acts) {
      if (acts[static_cast<std::size_t>(act)]) return rung.type;
    }
  }
  return ParticipationType::kInactive;
}

Result<MemberReputation> Reputation::of(const Actor& viewer, const std::string& handle,
                                        Micros now) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto member = store::MemberRepository(*conn).find_by_handle(handle);
  const std::string hidden = "no member with handle '" + handle + "'";
  if (!member) return refuse_missing(viewer, Action::kViewReputation, hidden);
  Resource r;
  r.own = viewer.id == member->id;
  r.visible = may_see_member(viewer, member_standing(*conn, viewer.id, *member));
  r.not_found = hidden;
  KRING_TRY(decide(viewer, Action::kViewReputation, r));

  store::ReputationRepository repo(*conn);
  MemberReputation out;
  out.handle = member->handle;
  out.given = every_kind(repo.confirmed(member->id, viewer.id, true));
  out.received = every_kind(repo.confirmed(member->id, viewer.id, false));
  out.window_start = now - kParticipationWindow;
  out.participation = participation_type(repo.acts_since(member->id, viewer.id, out.window_start));
  return out;
}

}  // namespace kring::social
