#include "store/reaction_repository.h"

namespace kring::store {

bool ReactionRepository::put(ReactionTarget type, std::int64_t target, MemberId member,
                             const std::string& kind, Micros now) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO reactions (target_type, target_id, member_id, kind, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind(1, to_name(type)).bind(2, target).bind(3, member).bind(4, kind).bind(5, now);
  st.run();
  return conn_.changes() > 0;
}

bool ReactionRepository::remove(ReactionTarget type, std::int64_t target, MemberId member,
                                const std::string& kind) {
  auto st = conn_.prepare(
      "DELETE FROM reactions WHERE target_type = ?1 AND target_id = ?2 AND member_id = ?3 AND "
      "kind = ?4");
  st.bind(1, to_name(type)).bind(2, target).bind(3, member).bind(4, kind).run();
  return conn_.changes() > 0;
}

ReactionSummary ReactionRepository::summary(ReactionTarget type, std::int64_t target,
                                            MemberId viewer) {
  ReactionSummary out;
  auto st = conn_.prepare(
      "SELECT r.kind, count(*), max(r.member_id = ?3) FROM reactions r JOIN members m ON m.id = "
      "r.member_id WHERE r.target_type = ?1 AND r.target_id = ?2 AND m.suspended_at IS NULL "
      "GROUP BY r.kind ORDER BY r.kind");
  st.bind(1, to_name(type)).bind(2, target).bind(3, viewer);
  while (st.step()) {
    out.counts[st.text(0)] = st.int64(1);
    if (st.int64(2) != 0) out.mine.push_back(st.text(0));
  }
  return out;
}

}  // namespace kring::store
