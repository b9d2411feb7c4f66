#include "store/search_repository.h"

#include "store/item_visibility_sql.h"
#include "store/member_visibility_sql.h"
#include "store/space_visibility_sql.h"

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

namespace {
// The members_fts columns, one per field visibility (index_member_text).
constexpr std::string_view kVisibilityColumns[] = {"pub", "mem", "conn"};

// The query restricted to the columns whose field visibility the viewer may
// see (core/visibility_rules.h: field_visible_rule), as an FTS5 column filter.
std::string in_visible_columns(const std::string& query, bool signed_in, bool connected) {
  std::string columns;
  for (auto v : {Visibility::kPublic, Visibility::kMembers, Visibility::kConnections}) {
    Facts f;
    f.set(static_cast<std::size_t>(Fact::kViewerSignedIn), signed_in);
    f.set(static_cast<std::size_t>(Fact::kViewerConnectedToMember), connected);
    f.set(static_cast<std::size_t>(Fact::kFieldPublic), v == Visibility::kPublic);
    f.set(static_cast<std::size_t>(Fact::kFieldForMembers), v == Visibility::kMembers);
    if (!holds(field_visible_rule(), f)) continue;
    if (!columns.empty()) columns += ' ';
    columns += kVisibilityColumns[static_cast<int>(v)];
  }
  return "{" + columns + "} : (" + query + ")";
}
}  // namespace

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
  // see, and those the viewer's connections and the viewer see (the rule
  // treats the member themself as a connection would be treated).
  std::string wide = in_visible_columns(query, viewer > 0, false);
  std::string narrow = in_visible_columns(query, viewer > 0, true);
  auto st = conn_.prepare(
      "WITH hits(id, score) AS ("
      " SELECT rowid, bm25(members_fts) FROM members_fts WHERE members_fts MATCH ?2"
      " UNION ALL"
      " SELECT rowid, bm25(members_fts) FROM members_fts WHERE members_fts MATCH ?3 AND rowid IN"
      "  (SELECT target_id FROM ties WHERE source_id = ?1 AND kind = 'connection' AND state = "
      "'accepted' UNION SELECT ?1))"
      " SELECT m.id, min(h.score) AS s FROM hits h JOIN members m ON m.id = h.id AND m.id <= ?6"
      " WHERE " +
      member_listed_sql("m.id", "m") + " GROUP BY m.id ORDER BY s, m.id LIMIT ?4 OFFSET ?5");
  st.bind(1, viewer).bind(2, wide).bind(3, narrow).bind(4, w.limit).bind(5, w.offset);
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
      "WHERE spaces_fts MATCH ?2 AND " +
      space_visible_sql("s.id", "s") + " ORDER BY bm25(spaces_fts), s.id LIMIT ?3 OFFSET ?4");
  st.bind(1, viewer).bind(2, query).bind(3, w.limit).bind(4, w.offset).bind(5, w.newest);
  std::vector<SpaceId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace kring::store
