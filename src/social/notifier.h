#pragma once
// Writes notifications inside an action's transaction and publishes them to
// live clients after it commits. Each kind's rule of who is told is in the
// table in notifier.cpp.
//
// Use: one Notifier per action; add() inside the transaction; call
// publish() after commit (the destructor does nothing: an aborted action
// notifies nobody).

#include <optional>
#include <string_view>
#include <vector>

#include "social/notification_hub.h"
#include "store/database.h"
#include "store/notification_repository.h"

namespace kring::social {

enum class NotificationKind {
  kReply,
  kMention,
  kReaction,
  kFollow,
  kConnectionRequest,
  kConnectionAccepted,
  kJoinRequest,
  kInvitation,
};
std::string_view notification_kind_name(NotificationKind kind);

class Notifier {
 public:
  Notifier(store::Connection& conn, NotificationHub& hub) : conn_(conn), hub_(hub) {}

  // Records one notification unless recipient is the actor, either blocked
  // the other, the recipient may not read the item it is about (a mention in
  // a secret space tells an outsider nothing), or it is a mention past the
  // actor's mentions_per_member limit (rate_limits.h).
  void add(NotificationKind kind, MemberId recipient, MemberId actor,
           std::optional<std::int64_t> item_id = std::nullopt,
           std::optional<std::int64_t> reply_id = std::nullopt,
           std::optional<std::int64_t> space_id = std::nullopt);
  void publish();

 private:
  store::Connection& conn_;
  NotificationHub& hub_;
  std::vector<std::pair<MemberId, std::int64_t>> pending_;
};

}  // namespace kring::social
