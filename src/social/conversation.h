#pragma once
// Conversation on items: threaded replies (bounded depth) and reactions
// (one per member per kind). Thread-safe: every call leases its own connection.

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "social/markdown.h"
#include "social/notification_hub.h"
#include "store/database.h"
#include "store/reaction_repository.h"

namespace kring::social {

inline constexpr size_t kReplyMax = 10000;

class Conversation {
 public:
  Conversation(store::Database& db, NotificationHub& hub, MarkdownOptions markdown = {})
      : db_(db), hub_(hub), markdown_(markdown) {}

  // Oldest first, keyset-paged on reply id.
  Result<Page<ReplyView>> replies(const Actor& viewer, ItemId item, const PageRequest& request);
  // parent, when given, must be a reply on the same item. Tells the item's
  // author, the parent reply's author and mentioned members.
  Result<ReplyView> reply(const Actor& actor, ItemId item, const std::string& body,
                          std::optional<ReplyId> parent);
  Status remove_reply(const Actor& actor, ReplyId reply);

  // Idempotent; returns the target's reaction summary afterwards.
  Result<store::ReactionSummary> react(const Actor& actor, store::ReactionTarget type,
                                       std::int64_t target, const std::string& kind, bool on);

 private:
  store::Database& db_;
  NotificationHub& hub_;
  MarkdownOptions markdown_;
};

}  // namespace kring::social
