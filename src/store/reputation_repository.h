#pragma once
// What a member's reputation is read from (social/reputation.h): their
// confirmed contributions, summed by kind, and whether they did each kind of
// act since a moment, counting only what one viewer may read. Runs inside
// the caller's transaction.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/enum_names.h"
#include "core/member.h"
#include "core/time.h"
#include "store/database.h"

namespace kring::store {

// Confirmed contributions of one kind on one side of the ledger.
struct ConfirmedTotal {
  std::string kind;         // a core/kinds.h contribution_kinds() name
  std::int64_t count = 0;   // confirmed rows
  std::int64_t amount = 0;  // their amounts summed, in the kind's unit
};

// The acts the participation ladder reads (social/reputation.cpp says which
// rung each one climbs).
enum class Act {
  kPostItem,    // wrote an item, any kind
  kReply,       // wrote a reply
  kReact,       // reacted to an item or a reply
  kVote,        // voted on an item
  kFollowItem,  // followed an item
  kJoinSpace,   // became an active member of a space
  kTie,         // followed or asked to connect to a member
  kRsvp,        // answered an event's RSVP
  kPledge,      // offered a contribution to an item
  kSignIn,      // started a session
};
inline constexpr std::size_t kActCount = static_cast<std::size_t>(Act::kSignIn) + 1;

class ReputationRepository {
 public:
  explicit ReputationRepository(Connection& conn) : conn_(conn) {}

  // The member's confirmed contributions as giver (`given`) or receiver,
  // per kind, counting a row only when `viewer` (0 = anonymous) may read its
  // item and the other side's doings are shown to the viewer (neither
  // suspended nor in a block with them). Kinds without a row are absent.
  std::vector<ConfirmedTotal> confirmed(MemberId member, MemberId viewer, bool given);

  // For each Act, whether the member did it at or after `since`, counting
  // acts on items, replies and spaces `viewer` may read or know of; ties
  // and sign-ins reveal no content and always count.
  std::array<bool, kActCount> acts_since(MemberId member, MemberId viewer, Micros since);

 private:
  Connection& conn_;
};

}  // namespace kring::store
