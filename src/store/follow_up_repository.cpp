#include "store/follow_up_repository.h"

namespace kring::store {

std::vector<DueFollowUp> FollowUpRepository::due(std::string_view kind, std::string_view status,
                                                 Micros reached_after, Micros reached_before,
                                                 int limit) {
  // From the changes into the status in the time range (index
  // item_status_changes_by_status), those that are still their item's
  // latest change.
  auto st = conn_.prepare(
      "SELECT c.id, c.item_id, c.actor_id FROM item_status_changes c "
      "JOIN items i ON i.id = c.item_id "
      "WHERE c.to_status = ?2 AND c.changed_at > ?3 AND c.changed_at <= ?4 "
      "AND i.kind = ?1 AND i.status = ?2 AND i.deleted_at IS NULL "
      "AND c.id = (SELECT MAX(l.id) FROM item_status_changes l WHERE l.item_id = c.item_id) "
      "AND NOT EXISTS (SELECT 1 FROM item_follow_ups f WHERE f.change_id = c.id) "
      "ORDER BY c.changed_at, c.id LIMIT ?5");
  st.bind(1, kind).bind(2, status).bind(3, reached_after).bind(4, reached_before).bind(5, limit);
  std::vector<DueFollowUp> out;
  while (st.step()) out.push_back({st.int64(0), st.int64(1), st.int64(2)});
  return out;
}

std::optional<std::int64_t> FollowUpRepository::current_change(ItemId item,
                                                                std::string_view status) {
  auto st = conn_.prepare(
      "SELECT c.id, c.to_status FROM item_status_changes c WHERE c.item_id = ?1 "
      "ORDER BY c.id DESC LIMIT 1");
  st.bind(1, item);
  if (!st.step() || st.text(1) != status) return std::nullopt;
  return st.int64(0);
}

void FollowUpRepository::mark_asked(std::int64_t change_id, ItemId item, Micros at) {
  auto st = conn_.prepare(
      "INSERT INTO item_follow_ups (change_id, item_id, asked_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (change_id) DO NOTHING");
  st.bind(1, change_id).bind(2, item).bind(3, at).run();
}

bool FollowUpRepository::answered(std::int64_t change_id) {
  auto st = conn_.prepare(
      "SELECT 1 FROM item_follow_ups WHERE change_id = ?1 AND answered_at IS NOT NULL");
  st.bind(1, change_id);
  return st.step();
}

void FollowUpRepository::answer(std::int64_t change_id, ItemId item, bool fixed, Micros at) {
  auto st = conn_.prepare(
      "INSERT INTO item_follow_ups (change_id, item_id, answered_at, fixed) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (change_id) DO UPDATE SET "
      "answered_at = excluded.answered_at, fixed = excluded.fixed WHERE answered_at IS NULL");
  st.bind(1, change_id).bind(2, item).bind(3, at).bind(4, fixed ? 1 : 0).run();
}

}  // namespace kring::store
