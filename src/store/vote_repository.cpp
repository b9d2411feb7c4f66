#include "store/vote_repository.h"

#include <algorithm>

namespace kring::store {

bool VoteRepository::put(ItemId item, MemberId member, Micros now) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO item_votes (item_id, member_id, created_at) VALUES (?1, ?2, ?3)");
  st.bind(1, item).bind(2, member).bind(3, now).run();
  return conn_.changes() > 0;
}

bool VoteRepository::remove(ItemId item, MemberId member) {
  auto st = conn_.prepare("DELETE FROM item_votes WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).run();
  return conn_.changes() > 0;
}

VoteSummary VoteRepository::summary(ItemId item, MemberId viewer) {
  // The count is the stored column (migration 12 keeps it in step).
  auto st = conn_.prepare(
      "SELECT i.vote_count, EXISTS (SELECT 1 FROM item_votes v WHERE v.item_id = i.id AND "
      "v.member_id = ?2) FROM items i WHERE i.id = ?1");
  st.bind(1, item).bind(2, viewer);
  VoteSummary out;
  if (st.step()) {
    out.count = st.int64(0);
    out.voted = st.int64(1) != 0;
  }
  return out;
}

bool VoteRepository::has(ItemId item, MemberId member) {
  auto st = conn_.prepare("SELECT 1 FROM item_votes WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member);
  return st.step();
}

std::vector<ItemVoter> VoteRepository::voters_of(std::vector<ItemId> items) {
  std::vector<ItemVoter> out;
  if (items.empty()) return out;
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  std::string ids = "[";
  for (ItemId id : items) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(id);
  }
  ids += ']';
  // One statement text for any number of items: the ids come as a JSON
  // array, each a range of item_votes' primary key. Sorted here rather than
  // by SQLite's temporary b-tree. Suspended voters are left out by the
  // short list of members_suspended (migration 15), not by a join per vote.
  auto st = conn_.prepare(
      "SELECT v.item_id, v.member_id FROM json_each(?1) a JOIN item_votes v ON v.item_id = a.value "
      "WHERE v.member_id NOT IN (SELECT id FROM members WHERE suspended_at IS NOT NULL)");
  st.bind(1, ids);
  while (st.step()) out.push_back({st.int64(0), st.int64(1)});
  std::sort(out.begin(), out.end(), [](const ItemVoter& a, const ItemVoter& b) {
    return a.item != b.item ? a.item < b.item : a.member < b.member;
  });
  return out;
}

std::int64_t VoteRepository::count_at_status(MemberId member, SpaceId space,
                                             const std::string& kind, std::string_view status) {
  auto st = conn_.prepare(
      "SELECT count(*) FROM item_votes v JOIN items i ON i.id = v.item_id WHERE v.member_id = ?1 "
      "AND i.space_id = ?2 AND i.kind = ?3 AND i.status = ?4 AND i.deleted_at IS NULL AND "
      "i.hidden_at IS NULL");
  st.bind(1, member).bind(2, space).bind(3, kind).bind(4, std::string(status));
  st.step();
  return st.int64(0);
}

}  // namespace kring::store
