#include "store/item_follow_repository.h"

namespace kring::store {

bool ItemFollowRepository::put(ItemId item, MemberId member, Micros now) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO item_follows (item_id, member_id, created_at) VALUES (?1, ?2, ?3)");
  st.bind(1, item).bind(2, member).bind(3, now).run();
  return conn_.changes() > 0;
}

bool ItemFollowRepository::remove(ItemId item, MemberId member) {
  auto st = conn_.prepare("DELETE FROM item_follows WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).run();
  return conn_.changes() > 0;
}

FollowSummary ItemFollowRepository::summary(ItemId item, MemberId viewer) {
  auto st = conn_.prepare(
      "SELECT (SELECT count(*) FROM item_follows f JOIN members m ON m.id = f.member_id WHERE "
      "f.item_id = ?1 AND m.suspended_at IS NULL), EXISTS (SELECT 1 FROM item_follows WHERE "
      "item_id = ?1 AND member_id = ?2)");
  st.bind(1, item).bind(2, viewer);
  FollowSummary out;
  if (st.step()) {
    out.followers = st.int64(0);
    out.following = st.int64(1) != 0;
  }
  return out;
}

}  // namespace kring::store
