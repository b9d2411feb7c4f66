#include "social/item_follows.h"

#include "core/time.h"
#include "social/capabilities.h"
#include "social/policy.h"
#include "store/item_repository.h"

namespace kring::social {

Result<store::FollowSummary> ItemFollows::follow(const Actor& actor, ItemId id, bool on) {
  auto conn = db_.lease();
  // A write transaction from the start: the check and the follow see one state.
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  const std::string missing = "no item " + std::to_string(id);
  if (!item) return refuse_missing(actor, Action::kFollowItem, missing);
  StandingCache standing(*conn, actor);
  Resource r = standing.content(item->author_id, item->space_id);
  r.not_found = missing;
  KRING_TRY(decide(actor, Action::kFollowItem, r));
  store::ItemFollowRepository follows(*conn);
  if (on) {
    follows.put(id, actor.id, now_micros());
  } else {
    follows.remove(id, actor.id);
  }
  auto summary = follows.summary(id, actor.id);
  tx.commit();
  return summary;
}

}  // namespace kring::social
