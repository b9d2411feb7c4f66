#pragma once
// Replies on items. Runs inside the caller's transaction.

#include <optional>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "store/database.h"

namespace kring::store {

class ReplyRepository {
 public:
  explicit ReplyRepository(Connection& conn) : conn_(conn) {}

  // Also counts the reply on its item.
  ReplyId insert(const Reply& reply);
  std::optional<Reply> find(ReplyId id);
  // Oldest first (threads read top-down), keyset-paged on reply id
  // (store/keyset.h); deleted replies stay in the list, marked removed, so their
  // children keep a parent.
  std::vector<Reply> for_item(ItemId item, MemberId viewer, std::optional<CursorKey> after,
                              int limit);
  void soft_delete(ReplyId id, Micros now);
  void set_hidden(ReplyId id, std::optional<Micros> at);

 private:
  Connection& conn_;
};

}  // namespace kring::store
