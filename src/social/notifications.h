#pragma once
// Reading notifications: the list, the unread count, marking read, and
// what a reconnecting live stream missed.
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "social/member_view.h"
#include "store/database.h"
#include "store/notification_repository.h"

namespace kring::social {

struct NotificationView {
  store::NotificationRow row;
  std::optional<MemberView> actor;
  std::optional<SpaceRef> space;
};

struct NotificationPage {
  Page<NotificationView> page;
  std::int64_t unread_count = 0;
};

class Notifications {
 public:
  explicit Notifications(store::Database& db) : db_(db) {}

  // Newest first, keyset-paged on id.
  Result<NotificationPage> list(const Actor& actor, const PageRequest& request);
  Status mark_read(const Actor& actor, std::int64_t up_to);
  std::int64_t unread_count(const Actor& actor);
  // Notifications with id > after, oldest first (for Last-Event-ID resume).
  std::vector<NotificationView> since(const Actor& actor, std::int64_t after);
  // One notification, if it is the actor's and still shown.
  std::optional<NotificationView> find(const Actor& actor, std::int64_t id);

 private:
  store::Database& db_;
};

}  // namespace kring::social
