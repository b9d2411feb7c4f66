#pragma once
// Notifications per recipient. Runs inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "core/cursor.h"
#include "core/member.h"
#include "store/database.h"

namespace kring::store {

struct NotificationRow {
  std::int64_t id = 0;
  MemberId recipient = 0;
  std::string kind;
  MemberId actor = 0;
  std::optional<std::int64_t> item_id, reply_id, space_id;
  Micros created_at = 0;
  bool read = false;
};

class NotificationRepository {
 public:
  explicit NotificationRepository(Connection& conn) : conn_(conn) {}

  std::int64_t insert(const NotificationRow& row);
  // Newest first, keyset-paged on id (store/keyset.h).
  std::vector<NotificationRow> list(MemberId recipient, std::optional<CursorKey> after, int limit);
  // Oldest first, ids above `after`: what a reconnecting stream missed.
  std::vector<NotificationRow> since(MemberId recipient, std::int64_t after, int limit);
  std::int64_t unread_count(MemberId recipient);
  void mark_read(MemberId recipient, std::int64_t up_to, Micros now);

 private:
  Connection& conn_;
};

}  // namespace kring::store
