#include "store/reputation_repository.h"

#include "store/item_visibility_sql.h"
#include "store/member_visibility_sql.h"
#include "store/space_visibility_sql.h"

namespace kring::store {

std::vector<ConfirmedTotal> ReputationRepository::confirmed(MemberId member, MemberId viewer,
                                                               bool given) {
  // The other side of the row: a suspended member or one in a block with
  // the viewer is hidden from them, and so is what they gave or received.
  const std::string other = given ? "c.receiver_id" : "c.giver_id";
  const std::string sql =
      "SELECT c.kind, COUNT(*), SUM(c.amount) FROM contributions c JOIN items i ON i.id = "
      "c.item_id WHERE c." +
      std::string(given ? "giver_id" : "receiver_id") + " = ?2 AND c.status = 'confirmed' AND " +
      kItemReadableSql + " AND " + member_content_sql(other) + " GROUP BY c.kind ORDER BY c.kind";
  auto st = conn_.prepare(sql);
  st.bind(1, viewer).bind(2, member);
  std::vector<ConfirmedTotal> out;
  while (st.step()) out.push_back({st.text(0), st.int64(1), st.int64(2)});
  return out;
}

namespace {

// One EXISTS per Act, in the enum's order, over the member ?2, the moment
// ?3 and the viewer ?1. Each reads an index by member (items_by_author,
// reactions_by_member, ...), so a member's answer costs their own rows.
std::string acts_sql() {
  const std::string item = kItemReadableSql;
  const std::string parts[kActCount] = {
      // kPostItem
      "EXISTS (SELECT 1 FROM items i WHERE i.author_id = ?2 AND i.created_at >= ?3 AND " + item +
          ")",
      // kReply
      "EXISTS (SELECT 1 FROM replies r JOIN items i ON i.id = r.item_id WHERE r.author_id = ?2 "
      "AND r.created_at >= ?3 AND " +
          reply_shown_sql("r") + " AND " + item + ")",
      // kReact: on an item, or on a reply the viewer is shown
      "EXISTS (SELECT 1 FROM reactions x JOIN items i ON i.id = x.target_id WHERE x.member_id = "
      "?2 AND x.target_type = 'item' AND x.created_at >= ?3 AND " +
          item +
          ") OR EXISTS (SELECT 1 FROM reactions x JOIN replies r ON r.id = x.target_id JOIN items "
          "i ON i.id = r.item_id WHERE x.member_id = ?2 AND x.target_type = 'reply' AND "
          "x.created_at >= ?3 AND " +
          reply_shown_sql("r") + " AND " + item + ")",
      // kVote
      "EXISTS (SELECT 1 FROM item_votes v JOIN items i ON i.id = v.item_id WHERE v.member_id = "
      "?2 AND v.created_at >= ?3 AND " +
          item + ")",
      // kFollowItem
      "EXISTS (SELECT 1 FROM item_follows f JOIN items i ON i.id = f.item_id WHERE f.member_id = "
      "?2 AND f.created_at >= ?3 AND " +
          item + ")",
      // kJoinSpace: only spaces whose members the viewer may see
      "EXISTS (SELECT 1 FROM space_members sm WHERE sm.member_id = ?2 AND sm.state = 'active' "
      "AND sm.created_at >= ?3 AND " +
          space_content_sql("sm.space_id") + ")",
      // kTie: tie lists are public (GET /api/v1/members/{h}/following)
      "EXISTS (SELECT 1 FROM ties t WHERE t.source_id = ?2 AND t.kind IN ('follow', "
      "'connection') AND t.created_at >= ?3)",
      // kRsvp
      "EXISTS (SELECT 1 FROM rsvps v JOIN items i ON i.id = v.item_id WHERE v.member_id = ?2 AND "
      "v.responded_at >= ?3 AND " +
          item + ")",
      // kPledge
      "EXISTS (SELECT 1 FROM contributions c JOIN items i ON i.id = c.item_id WHERE c.giver_id "
      "= ?2 AND c.created_at >= ?3 AND " +
          item + ")",
      // kSignIn
      "EXISTS (SELECT 1 FROM sessions s WHERE s.member_id = ?2 AND s.created_at >= ?3)",
  };
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < kActCount; ++i) {
    if (i) sql += ", ";
    sql += "(" + parts[i] + ")";
  }
  return sql;
}

}  // namespace

std::array<bool, kActCount> ReputationRepository::acts_since(MemberId member, MemberId viewer,
                                                             Micros since) {
  static const std::string kSql = acts_sql();
  auto st = conn_.prepare(kSql);
  st.bind(1, viewer).bind(2, member).bind(3, since);
  std::array<bool, kActCount> out{};
  if (st.step()) {
    for (std::size_t i = 0; i < kActCount; ++i) out[i] = st.int64(static_cast<int>(i)) != 0;
  }
  return out;
}

}  // namespace kring::store
