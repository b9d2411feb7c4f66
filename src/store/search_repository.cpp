#include "store/search_repository.h"

#include "store/item_visibility_sql.h"

namespace kring::store {

std::string fts_query(std::string_view q) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + "\"*";
    word.clear();
  };
  for (char c : q) {
    unsigned char u = static_cast<unsigned char>(c);
    bool word_char = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                     u >= 0x80;
    if (word_char) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

void index_member_text(Connection& conn, const Member& m) {
  std::string columns[3];
  columns[0] = m.handle;
  auto add = [&](ProfileField field, const std::string& text) {
    if (text.empty()) return;
    std::string& col = columns[static_cast<int>(m.profile.visibility_of(field))];
    if (!col.empty()) col += ' ';
    col += text;
  };
  auto joined = [](const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
  };
  add(ProfileField::kDisplayName, m.profile.display_name);
  add(ProfileField::kBio, m.profile.bio);
  add(ProfileField::kSkills, joined(m.profile.skills));
  add(ProfileField::kInterests, joined(m.profile.interests));
  add(ProfileField::kHomePlace, m.profile.home_place);
  auto del = conn.prepare("DELETE FROM members_fts WHERE rowid = ?1");
  del.bind(1, m.id).run();
  auto ins = conn.prepare("INSERT INTO members_fts (rowid, pub, mem, conn) VALUES (?1, ?2, ?3, ?4)");
  ins.bind(1, m.id).bind(2, columns[0]).bind(3, columns[1]).bind(4, columns[2]).run();
}

std::int64_t SearchRepository::newest_id(SearchTable table) {
  static constexpr std::string_view kSql[] = {"SELECT coalesce(max(id), 0) FROM members",
                                              "SELECT coalesce(max(id), 0) FROM items",
                                              "SELECT coalesce(max(id), 0) FROM spaces"};
  auto st = conn_.prepare(kSql[static_cast<std::size_t>(table)]);
  st.step();
  return st.int64(0);
}

std::vector<MemberId> SearchRepository::members(MemberId viewer, const std::string& query,
                                                const RankWindow& w) {
  // Two passes over the index: the columns every viewer of this kind may
  // see, and all columns for the viewer's connections and the viewer.
  std::string wide = (viewer > 0 ? "{pub mem} : (" : "{pub} : (") + query + ")";
  auto st = conn_.prepare(
      "WITH hits(id, score) AS ("
      " SELECT rowid, bm25(members_fts) FROM members_fts WHERE members_fts MATCH ?2"
      " UNION ALL"
      " SELECT rowid, bm25(members_fts) FROM members_fts WHERE members_fts MATCH ?3 AND rowid IN"
      "  (SELECT target_id FROM ties WHERE source_id = ?1 AND kind = 'connection' AND state = "
      "'accepted' UNION SELECT ?1))"
      " SELECT m.id, min(h.score) AS s FROM hits h JOIN members m ON m.id = h.id AND m.id <= ?6"
      " WHERE m.suspended_at IS NULL AND NOT EXISTS (SELECT 1 FROM ties b WHERE b.kind = 'block' "
      "AND ((b.source_id = ?1 AND b.target_id = m.id) OR (b.source_id = m.id AND b.target_id = "
      "?1))) GROUP BY m.id ORDER BY s, m.id LIMIT ?4 OFFSET ?5");
  st.bind(1, viewer).bind(2, wide).bind(3, query).bind(4, w.limit).bind(5, w.offset);
  st.bind(6, w.newest);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<ItemId> SearchRepository::items(MemberId viewer, const std::string& query,
                                            const RankWindow& w) {
  auto st = conn_.prepare(
      "SELECT i.id FROM items_fts f JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?2 AND "
      "i.id <= ?5 AND " +
      std::string(kItemReadableSql) + " ORDER BY bm25(items_fts), i.id DESC LIMIT ?3 OFFSET ?4");
  st.bind(1, viewer).bind(2, query).bind(3, w.limit).bind(4, w.offset).bind(5, w.newest);
  std::vector<ItemId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<SpaceId> SearchRepository::spaces(MemberId viewer, const std::string& query,
                                              const RankWindow& w) {
  auto st = conn_.prepare(
      "SELECT s.id FROM spaces_fts f JOIN spaces s ON s.id = f.rowid AND s.id <= ?5 "
      "WHERE spaces_fts MATCH ?2 "
      "AND (s.visibility != 'secret' OR EXISTS (SELECT 1 FROM space_members v WHERE v.space_id = "
      "s.id AND v.member_id = ?1 AND v.state IN ('active', 'invited'))) ORDER BY bm25(spaces_fts), "
      "s.id LIMIT ?3 OFFSET ?4");
  st.bind(1, viewer).bind(2, query).bind(3, w.limit).bind(4, w.offset).bind(5, w.newest);
  std::vector<SpaceId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace kring::store
