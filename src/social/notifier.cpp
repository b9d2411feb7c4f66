#include "social/notifier.h"

#include <array>

#include "store/item_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {
constexpr std::array<std::string_view, 8> kNames = {
    "reply", "mention", "reaction", "follow", "connection_request", "connection_accepted",
    "join_request", "invitation"};
}

std::string_view notification_kind_name(NotificationKind kind) {
  return kNames[static_cast<size_t>(kind)];
}

void Notifier::add(NotificationKind kind, MemberId recipient, MemberId actor,
                   std::optional<std::int64_t> item_id, std::optional<std::int64_t> reply_id,
                   std::optional<std::int64_t> space_id) {
  if (recipient == actor || recipient == 0) return;
  if (store::TieRepository(conn_).blocked_either_way(recipient, actor)) return;
  if (item_id && !store::ItemRepository(conn_).readable(*item_id, recipient)) return;
  // Past the sender's mention budget the mention still renders as a link in
  // the text; it just tells nobody, so mass-mentioning cannot flood anyone.
  if (kind == NotificationKind::kMention &&
      hub_.rate_limiter().take(RateLimitId::kMentionsPerMember, std::to_string(actor)) > 0) {
    return;
  }
  store::NotificationRow row;
  row.recipient = recipient;
  row.kind = std::string(notification_kind_name(kind));
  row.actor = actor;
  row.item_id = item_id;
  row.reply_id = reply_id;
  row.space_id = space_id;
  row.created_at = now_micros();
  pending_.emplace_back(recipient, store::NotificationRepository(conn_).insert(row));
}

void Notifier::publish() {
  for (auto [recipient, id] : pending_) hub_.publish(recipient, id);
  pending_.clear();
}

}  // namespace kring::social
