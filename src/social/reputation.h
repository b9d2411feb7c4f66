#pragma once
// Reputation without a score (issue 11): what a member gave and received,
// confirmed by the receiver, per contribution kind; and how they take part,
// as one rung of Li and Bernoff's Social Technographics ladder (Groundswell,
// 2008). Nothing is ranked or summed into a number, and the member sets
// nothing here: both are read from what they did.
//
// The participation rule (the table kRungs in reputation.cpp; README.md
// "Reputation" says the same):
//   Over the last kParticipationWindow (30 days, Li and Bernoff's "at least
//   once a month"; also the session lifetime), the member's type is the
//   highest rung for which they did at least one of its acts:
//     creator   - wrote an item (any kind: note, article, idea, request,
//                 offer, initiative, event, ...);
//     critic    - wrote a reply;
//     collector - reacted, voted, or followed an item;
//     joiner    - joined a space, followed or connected to a member,
//                 answered an event's RSVP, or pledged a contribution;
//     spectator - none of these, but signed in (started a session);
//     inactive  - none of these and no sign-in.
//   Precedence is the ladder's order, top first: one act of a higher rung
//   outranks any number of lower ones.
//
// Privacy: every act is counted only where the viewer may read it (its
// item, reply or space); ties and sign-ins reveal no content and always
// count. So the type a viewer sees never rests on something in a space
// they may not read: a member active only in a secret space is a spectator
// to outsiders, a creator to its members. Contributions count likewise:
// only rows on items the viewer may read, with the other side's doings
// shown to the viewer (not suspended, no block with the viewer).
// Thread-safe: every call leases its own connection.

#include <array>
#include <string>
#include <vector>

#include "core/enum_names.h"
#include "core/result.h"
#include "core/time.h"
#include "social/actor.h"
#include "store/database.h"
#include "store/reputation_repository.h"

namespace kring::social {

enum class ParticipationType { kCreator, kCritic, kCollector, kJoiner, kSpectator, kInactive };

inline constexpr Micros kParticipationWindow = 30LL * 24 * 3600 * 1'000'000;

}  // namespace kring::social

template <>
struct kring::EnumNames<kring::social::ParticipationType> {
  using Kind = kring::social::ParticipationType;
  static constexpr std::array<EnumName<Kind>, 6> kTable = {{
      {Kind::kCreator, "creator"},
      {Kind::kCritic, "critic"},
      {Kind::kCollector, "collector"},
      {Kind::kJoiner, "joiner"},
      {Kind::kSpectator, "spectator"},
      {Kind::kInactive, "inactive"},
  }};
};

namespace kring::social {

// The ladder's rung for a set of acts (the rule above), exposed for tests.
ParticipationType participation_type(const std::array<bool, store::kActCount>& acts);

struct MemberReputation {
  std::string handle;
  // Every contribution kind, in core/kinds.h contribution_kinds() order,
  // zero where nothing was confirmed.
  std::vector<store::ConfirmedTotal> given;
  std::vector<store::ConfirmedTotal> received;
  ParticipationType participation = ParticipationType::kInactive;
  Micros window_start = 0;  // the participation window is [window_start, now]
};

class Reputation {
 public:
  explicit Reputation(store::Database& db) : db_(db) {}

  // The member's reputation as `viewer` may see it. 404 (like
  // GET /api/v1/members/{h}) when the handle is unknown, suspended (except
  // to admins and themself) or in a block with the viewer.
  Result<MemberReputation> of(const Actor& viewer, const std::string& handle, Micros now);

 private:
  store::Database& db_;
};

}  // namespace kring::social
