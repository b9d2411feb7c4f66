#include "store/match_repository.h"

#include <unordered_map>

#include "store/item_visibility_sql.h"
#include "store/member_visibility_sql.h"

namespace kring::store {

namespace {

// The items' read rule with the candidate member (?2) as the reader.
const std::string kCandidateReadsItemSql = render_sql(
    item_visible_rule(),
    {.viewer = "?2", .space_id = "i.space_id", .member_id = "i.author_id", .item_row = "i"});

// A block between the two members, either way.
std::string blocked_sql(std::string_view a, std::string_view b) {
  return "EXISTS (SELECT 1 FROM ties bl WHERE bl.kind = 'block' AND ((bl.source_id = " +
         std::string(a) + " AND bl.target_id = " + std::string(b) +
         ") OR (bl.source_id = " + std::string(b) + " AND bl.target_id = " + std::string(a) + ")))";
}

// What every open item a match offers must be, past its own part: readable
// by the viewer (?1), of the kind and status (?3, ?4), not the matched item
// (?5), not the author's (?6) nor by a member suspended or across a block
// with them; at most ?7.
std::string open_item_filter() {
  return kItemReadableSql +
         " AND i.kind = ?3 AND i.status = ?4 AND i.id <> ?5 AND i.author_id <> ?6 AND NOT " +
         blocked_sql("i.author_id", "?6") +
         " AND NOT EXISTS (SELECT 1 FROM members su WHERE su.id = i.author_id AND "
         "su.suspended_at IS NOT NULL)";
}

void bind_open(Statement& st, const OpenItemsQuery& q) {
  st.bind(1, q.viewer).bind(3, q.kind).bind(4, q.status).bind(5, q.exclude).bind(6, q.author);
  st.bind(7, q.limit);
}

// A JSON array of the ids, for json_each(): one statement for a whole set
// instead of one per member.
std::string id_array(std::span<const MemberId> ids) {
  std::string out = "[";
  for (std::size_t n = 0; n < ids.size(); ++n) {
    if (n > 0) out += ',';
    out += std::to_string(ids[n]);
  }
  out += ']';
  return out;
}

}  // namespace

void MatchRepository::ties_of(MemberId member, std::vector<MemberId>& out) {
  // A connection is two rows, one each way, so the outgoing side finds it;
  // a follow is one row, so both sides are read.
  auto st = conn_.prepare(
      "SELECT target_id FROM ties WHERE source_id = ?1 AND kind IN ('follow', 'connection') AND "
      "state = 'accepted' UNION ALL SELECT source_id FROM ties WHERE target_id = ?1 AND kind = "
      "'follow' AND state = 'accepted'");
  st.bind(1, member);
  while (st.step()) out.push_back(st.int64(0));
}

std::vector<MemberId> MatchRepository::skill_holders(std::string_view skill, int limit) {
  auto st = conn_.prepare(
      "SELECT member_id FROM member_terms WHERE kind = 'skills' AND term = ?1 ORDER BY member_id "
      "LIMIT ?2");
  st.bind(1, skill).bind(2, limit);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<MemberId> MatchRepository::space_members_with_skill(SpaceId space,
                                                                std::string_view skill, int limit) {
  auto st = conn_.prepare(
      "SELECT sm.member_id FROM space_members sm JOIN member_terms t ON t.member_id = "
      "sm.member_id AND t.kind = 'skills' AND t.term = ?2 WHERE sm.space_id = ?1 AND sm.state = "
      "'active' LIMIT ?3");
  st.bind(1, space).bind(2, skill).bind(3, limit);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<std::pair<MemberId, std::string>> MatchRepository::skills_of(
    std::span<const MemberId> members) {
  // CROSS JOIN keeps the id list the outer loop, so each member is one
  // seek into member_terms' key (member_id, kind, term).
  auto st = conn_.prepare(
      "SELECT t.member_id, t.term FROM json_each(?1) j CROSS JOIN member_terms t ON t.member_id = "
      "j.value AND t.kind = 'skills'");
  st.bind(1, id_array(members));
  std::vector<std::pair<MemberId, std::string>> out;
  while (st.step()) out.emplace_back(st.int64(0), st.text(1));
  return out;
}

std::vector<MemberId> MatchRepository::active_in_space(SpaceId space,
                                                       std::span<const MemberId> members) {
  auto st = conn_.prepare(
      "SELECT sm.member_id FROM json_each(?2) j CROSS JOIN space_members sm ON sm.space_id = ?1 "
      "AND sm.member_id = j.value WHERE sm.state = 'active'");
  st.bind(1, space).bind(2, id_array(members));
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::optional<std::string> MatchRepository::space_kind(SpaceId space) {
  auto st = conn_.prepare("SELECT kind FROM spaces WHERE id = ?1");
  st.bind(1, space);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

bool MatchRepository::may_offer_member(MemberId member, MemberId viewer, ItemId item) {
  static const std::string sql =
      "SELECT 1 FROM members m JOIN items i ON i.id = ?3 WHERE m.id = ?2 AND m.suspended_at IS "
      "NULL AND " +
      member_listed_sql("m.id", "m") + " AND " + field_visible_sql("m.id", "m.vis_skills") +
      " AND " + kCandidateReadsItemSql;
  auto st = conn_.prepare(sql);
  st.bind(1, viewer).bind(2, member).bind(3, item);
  return st.step();
}

bool MatchRepository::listed(MemberId member, MemberId viewer) {
  static const std::string sql =
      "SELECT 1 FROM members m WHERE m.id = ?2 AND " + member_listed_sql("m.id", "m");
  auto st = conn_.prepare(sql);
  st.bind(1, viewer).bind(2, member);
  return st.step();
}

std::vector<ItemId> MatchRepository::open_items_with_skills(const OpenItemsQuery& q,
                                                            std::span<const std::string> skills) {
  static const std::string sql =
      "SELECT i.id FROM item_skills s CROSS JOIN items i ON i.id = s.item_id WHERE s.skill = ?2 "
      "AND " +
      open_item_filter() + " ORDER BY s.item_id DESC LIMIT ?7";
  std::vector<ItemId> out;
  for (const auto& skill : skills) {
    auto st = conn_.prepare(sql);
    bind_open(st, q);
    st.bind(2, skill);
    while (st.step()) out.push_back(st.int64(0));
  }
  return out;
}

std::vector<ItemId> MatchRepository::open_items_with_title_words(
    const OpenItemsQuery& q, std::span<const std::string> words) {
  if (words.empty()) return {};
  // The words are telling_words(): letters and digits only, so quoting
  // each keeps FTS syntax out of the MATCH.
  std::string match = "{title} : (";
  for (std::size_t n = 0; n < words.size(); ++n) {
    if (n > 0) match += " OR ";
    match += '"' + words[n] + '"';
  }
  match += ")";
  static const std::string sql =
      "SELECT i.id FROM items_fts f CROSS JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?2 "
      "AND " +
      open_item_filter() + " ORDER BY f.rowid DESC LIMIT ?7";
  auto st = conn_.prepare(sql);
  bind_open(st, q);
  st.bind(2, match);
  std::vector<ItemId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<MatchRepository::ItemFacts> MatchRepository::item_facts(std::span<const ItemId> items) {
  const std::string ids = id_array(items);
  auto rows = conn_.prepare(
      "SELECT i.id, i.title, i.lat, i.lon, i.space_id FROM json_each(?1) j CROSS JOIN items i ON "
      "i.id = j.value");
  rows.bind(1, ids);
  std::vector<ItemFacts> out;
  while (rows.step()) {
    ItemFacts f;
    f.id = rows.int64(0);
    f.title = rows.text(1);
    if (!rows.is_null(2) && !rows.is_null(3)) {
      f.lat = rows.real(2);
      f.lon = rows.real(3);
    }
    if (!rows.is_null(4)) f.space = rows.int64(4);
    out.push_back(std::move(f));
  }
  auto skills = conn_.prepare(
      "SELECT s.item_id, s.skill, s.label FROM json_each(?1) j CROSS JOIN item_skills s ON "
      "s.item_id = j.value ORDER BY s.item_id, s.position");
  skills.bind(1, ids);
  std::unordered_map<ItemId, std::size_t> at;
  for (std::size_t n = 0; n < out.size(); ++n) at[out[n].id] = n;
  while (skills.step()) {
    auto it = at.find(skills.int64(0));
    if (it != at.end()) out[it->second].skills.emplace_back(skills.text(1), skills.text(2));
  }
  return out;
}

bool MatchRepository::told(ItemId item, MemberId member) {
  auto st = conn_.prepare("SELECT 1 FROM match_notices WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member);
  return st.step();
}

void MatchRepository::record_told(ItemId item, MemberId member, Micros at) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO match_notices (item_id, member_id, told_at) VALUES (?1, ?2, ?3)");
  st.bind(1, item).bind(2, member).bind(3, at).run();
}

}  // namespace kring::store
