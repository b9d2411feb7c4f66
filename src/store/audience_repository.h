#pragma once
// The recipient queries behind the notifier's audiences (social/audiences.h)
// and the check every recipient passes. Runs inside the caller's
// transaction. Recipient lists come back in a stable order (by id, or in
// the order asked for) and may name the actor: excluding them is the
// notifier's rule, not each query's.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

class AudienceRepository {
 public:
  explicit AudienceRepository(Connection& conn) : conn_(conn) {}

  // Members with these handles (exact spelling) who are not suspended, in
  // the order of `handles`; a handle naming nobody is skipped.
  std::vector<MemberId> active_members_named(std::span<const std::string> handles);
  std::optional<MemberId> item_author(ItemId item);
  // The reply's author, unless the reply was deleted.
  std::optional<MemberId> reply_author(ReplyId reply);
  // The authors of the item's replies that were not deleted, each once, in
  // the order of their first reply.
  std::vector<MemberId> item_repliers(ItemId item);
  // The members following the item, and those who voted on it, who are not
  // suspended (as the follower and vote counts leave them out), by id.
  std::vector<MemberId> item_followers(ItemId item);
  std::vector<MemberId> item_voters(ItemId item);
  // Active members of the space whose role is moderator or owner and who
  // are not suspended: those who may decide on its join requests.
  std::vector<MemberId> space_hosts(SpaceId space);

  // Whether `recipient` may be told that `actor` did something about the
  // item and/or space given: there is no block either way between them, the
  // recipient muted neither the actor nor the space (the item's space, or
  // the space given), the item is readable by the recipient (the items'
  // read rule, store/item_visibility_sql.h) and the space visible to them
  // (space_visible_sql, the twin of social::may_see_space).
  bool may_be_told(MemberId recipient, MemberId actor, std::optional<ItemId> item,
                   std::optional<SpaceId> space);

 private:
  Connection& conn_;
};

}  // namespace kring::store
