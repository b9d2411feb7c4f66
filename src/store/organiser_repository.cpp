#include "store/organiser_repository.h"

namespace kring::store {

bool OrganiserRepository::add(ItemId item, MemberId member, Micros at) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO item_organisers (item_id, member_id, added_at) VALUES (?1, ?2, ?3)");
  st.bind(1, item).bind(2, member).bind(3, at).run();
  return conn_.changes() == 1;
}

bool OrganiserRepository::remove(ItemId item, MemberId member) {
  auto st = conn_.prepare("DELETE FROM item_organisers WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).run();
  return conn_.changes() == 1;
}

bool OrganiserRepository::is_organiser(ItemId item, MemberId member) {
  if (member == 0) return false;
  auto st = conn_.prepare("SELECT 1 FROM item_organisers WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member);
  return st.step();
}

std::vector<MemberId> OrganiserRepository::organisers(ItemId item) {
  auto st = conn_.prepare(
      "SELECT member_id FROM item_organisers WHERE item_id = ?1 ORDER BY added_at, member_id");
  st.bind(1, item);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace kring::store
