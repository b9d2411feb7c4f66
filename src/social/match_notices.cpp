#include "social/match_notices.h"

#include "core/kinds.h"
#include "social/match_finder.h"
#include "social/match_scoring.h"
#include "social/notifier.h"
#include "store/item_repository.h"
#include "store/match_repository.h"

namespace kring::social {

void MatchNotices::tell(ItemId id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = store::ItemRepository(*conn).find(id);
  if (!item || !has_matches(*item)) return;
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || item->status != kind->initial_status) return;
  store::MatchRepository repo(*conn);
  Notifier notifier(*conn, hub_);
  const Micros now = now_micros();
  auto tell_of = [&](ItemId about, MemberId recipient, MemberId actor) {
    if (repo.told(about, recipient)) return;
    notifier.notify({.kinds = {NotificationKind::kMatchFound},
                     .actor = actor,
                     .item = about,
                     .member = recipient});
    repo.record_told(about, recipient, now);
  };
  int items_told = 0;
  for (const auto& c : match_items(*conn, *item, item->author_id, kMatchesMax)) {
    if (items_told == kItemsTold) break;
    if (!strong_item_match(static_cast<int>(c.skills.size()), static_cast<int>(c.words.size()),
                           c.km, c.same_space)) {
      continue;
    }
    ++items_told;
    tell_of(item->id, c.item.author_id, item->author_id);
    tell_of(c.item.id, item->author_id, c.item.author_id);
  }
  int members_told = 0;
  for (const auto& c : match_members(*conn, *item, item->author_id, kMatchesMax)) {
    if (members_told == kMembersTold) break;
    if (!strong_member_match(static_cast<int>(c.skills.size()), c.near_space.has_value(),
                             c.distance)) {
      continue;
    }
    ++members_told;
    tell_of(item->id, c.member, item->author_id);
  }
  tx.commit();
  notifier.publish();
}

}  // namespace kring::social
