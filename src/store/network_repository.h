#pragma once
// What the network analytics read: members, ties and interactions, as raw
// rows; social/network_snapshot turns them into a graph. Runs inside the
// caller's transaction.

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/member.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

enum class InteractionKind {
  kFollow,
  kConnection,
  kReply,
  kReaction,
  kContribution,
  kCoAttendance
};

}  // namespace kring::store

// The interaction query names each row's kind (a tie's own kind for ties).
template <>
struct kring::EnumNames<kring::store::InteractionKind> {
  using Kind = kring::store::InteractionKind;
  static constexpr std::array<EnumName<Kind>, 6> kTable = {{
      {Kind::kFollow, "follow"},
      {Kind::kConnection, "connection"},
      {Kind::kReply, "reply"},
      {Kind::kReaction, "reaction"},
      {Kind::kContribution, "contribution"},
      {Kind::kCoAttendance, "co_attendance"},
  }};
};

namespace kring::store {

struct InteractionRow {
  MemberId source = 0;
  MemberId target = 0;
  InteractionKind kind = InteractionKind::kFollow;
  Micros at = 0;
  // For a co-attendance: how many members were checked in at the event
  // (at least 2); 0 for every other kind.
  std::int64_t group = 0;
};

struct NetworkHistoryRow {
  std::string scope;
  std::int64_t version = 0;
  Micros computed_at = 0;
  std::int64_t nodes = 0, edges = 0;
  double density = 0;
  std::int64_t components = 0;
  double average_clustering = 0, modularity = 0;
  std::int64_t communities = 0;
  double average_path_length = 0;
  std::int64_t isolates = 0;
};

class NetworkRepository {
 public:
  explicit NetworkRepository(Connection& conn) : conn_(conn) {}

  // Bumped by triggers on every change the analytics read, anywhere
  // (migrations 3 and 4). Internal: it counts activity in secret spaces too,
  // so it says only "something may have changed" and is never shown.
  std::int64_t version();
  // Active (not suspended) members: id and handle, ascending id.
  void members(const std::function<void(MemberId, std::string)>& visit);
  // Active members of a space, ascending.
  std::vector<MemberId> space_members(SpaceId space);
  // Members carrying the tag as a skill or interest whose field visibility
  // is one of `visible`, or who wrote an item with that tag that any
  // signed-in member without ties to them may read (`generic_viewer`: an id
  // no member has), ascending.
  std::vector<MemberId> tag_members(const std::string& tag, const std::vector<Visibility>& visible,
                                    MemberId generic_viewer);
  // Every block, as (blocker, blocked).
  void blocks(const std::function<void(MemberId, MemberId)>& visit);
  // The members in a block with `member`, either way, ascending.
  std::vector<MemberId> blocked_with(MemberId member);
  // Suspended members, ascending.
  std::vector<MemberId> suspended_members();
  // Every tie and interaction: follows and connections; replies and
  // reactions (author -> the item's or reply's author); confirmed
  // contributions (giver -> receiver, at the confirmation); and each pair of
  // members checked in at the same event, once, lower id first, at the
  // later check-in, with the event's check-in count as `group`.
  // Interactions on items in closed or secret spaces are left out, except
  // those in `include_space`; so are those on deleted items.
  void interactions(std::optional<SpaceId> include_space,
                    const std::function<void(const InteractionRow&)>& visit);

  void record_history(const NetworkHistoryRow& row);
  std::vector<NetworkHistoryRow> history(const std::string& scope, int limit);

 private:
  Connection& conn_;
};

}  // namespace kring::store
