#include "store/member_repository.h"

#include <algorithm>

#include "store/keyset.h"
#include "store/member_visibility_sql.h"
#include "store/search_repository.h"

namespace kring::store {

namespace {

// member_terms.kind is the name of the profile field a term comes from.
constexpr ProfileField kSkillKind = ProfileField::kSkills;
constexpr ProfileField kInterestKind = ProfileField::kInterests;

constexpr std::string_view kColumns =
    "m.id, m.handle, m.email, m.role, m.suspended_at, m.created_at, m.display_name, m.bio, "
    "m.home_place, m.avatar_url, m.vis_display_name, m.vis_bio, m.vis_skills, m.vis_interests, "
    "m.vis_home_place, m.vis_avatar_url";

Member read_member_row(Statement& s) {
  Member m;
  m.id = s.int64(0);
  m.handle = s.text(1);
  m.email = s.text(2);
  m.role = from_name<MemberRole>(s.text(3)).value_or(MemberRole::kMember);
  m.suspended = !s.is_null(4);
  m.created_at = s.int64(5);
  m.profile.display_name = s.text(6);
  m.profile.bio = s.text(7);
  m.profile.home_place = s.text(8);
  m.profile.avatar_url = s.text(9);
  for (size_t i = 0; i < kProfileFieldCount; ++i) {
    // The CHECK constraint admits only names; connections is the narrowest
    // should one ever fail to parse.
    m.profile.visibility[i] =
        from_name<Visibility>(s.text(static_cast<int>(10 + i))).value_or(Visibility::kConnections);
  }
  return m;
}

std::string select_member(std::string_view where) {
  std::string sql = "SELECT ";
  sql += kColumns;
  sql += " FROM members m WHERE ";
  sql += where;
  return sql;
}

// SQL that is true when viewer ?1 may see the field whose visibility is in
// column `col` of member m (core/visibility_rules.h: field_visible_rule).
std::string visible_to_viewer(std::string_view col) {
  return field_visible_sql("m.id", "m." + std::string(col));
}

std::string escape_like(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string normalize_term(std::string_view label) {
  size_t b = 0, e = label.size();
  while (b < e && (label[b] == ' ' || label[b] == '\t')) ++b;
  while (e > b && (label[e - 1] == ' ' || label[e - 1] == '\t')) --e;
  std::string out(label.substr(b, e - b));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
  });
  return out;
}

MemberId MemberRepository::insert(const NewMember& nm) {
  auto s = conn_.prepare(
      "INSERT INTO members (handle, email, password_hash, role, display_name, bio, home_place, "
      "avatar_url, vis_display_name, vis_bio, vis_skills, vis_interests, vis_home_place, "
      "vis_avatar_url, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)");
  const Profile& p = nm.profile;
  s.bind(1, nm.handle).bind(2, nm.email).bind(3, nm.password_hash);
  s.bind(4, to_name(nm.role)).bind(5, p.display_name).bind(6, p.bio);
  s.bind(7, p.home_place).bind(8, p.avatar_url);
  for (size_t i = 0; i < kProfileFieldCount; ++i) {
    s.bind(static_cast<int>(9 + i), to_name(p.visibility[i]));
  }
  s.bind(15, nm.created_at);
  s.run();
  MemberId id = conn_.last_insert_id();
  write_terms(id, kSkillKind, p.skills);
  write_terms(id, kInterestKind, p.interests);
  Member indexed;
  indexed.id = id;
  indexed.handle = nm.handle;
  indexed.profile = p;
  index_member_text(conn_, indexed);
  return id;
}

std::optional<Member> MemberRepository::read_one(Statement& stmt) {
  if (!stmt.step()) return std::nullopt;
  Member m = read_member_row(stmt);
  load_terms(m);
  return m;
}

void MemberRepository::load_terms(Member& m) {
  auto s =
      conn_.prepare("SELECT kind, label FROM member_terms WHERE member_id = ?1 ORDER BY position");
  s.bind(1, m.id);
  while (s.step()) {
    bool skill = from_name<ProfileField>(s.text(0)) == kSkillKind;
    (skill ? m.profile.skills : m.profile.interests).push_back(s.text(1));
  }
}

void MemberRepository::write_terms(MemberId id, ProfileField kind,
                                   const std::vector<std::string>& labels) {
  auto del = conn_.prepare("DELETE FROM member_terms WHERE member_id = ?1 AND kind = ?2");
  del.bind(1, id).bind(2, to_name(kind)).run();
  auto ins = conn_.prepare(
      "INSERT OR IGNORE INTO member_terms (member_id, kind, position, term, label) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  int position = 0;
  for (const auto& label : labels) {
    ins.bind(1, id)
        .bind(2, to_name(kind))
        .bind(3, position++)
        .bind(4, normalize_term(label))
        .bind(5, label);
    ins.run();
  }
}

std::optional<Member> MemberRepository::find_by_id(MemberId id) {
  auto s = conn_.prepare(select_member("m.id = ?1"));
  s.bind(1, id);
  return read_one(s);
}

std::optional<Member> MemberRepository::find_by_handle(std::string_view handle) {
  auto s = conn_.prepare(select_member("m.handle = ?1"));
  s.bind(1, handle);
  return read_one(s);
}

std::optional<Member> MemberRepository::find_by_login(std::string_view login) {
  auto s = conn_.prepare(select_member("m.handle = lower(?1) OR m.email = ?1"));
  s.bind(1, login);
  return read_one(s);
}

std::optional<std::string> MemberRepository::password_hash(MemberId id) {
  auto s = conn_.prepare("SELECT password_hash FROM members WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

bool MemberRepository::handle_taken(std::string_view handle) {
  auto s = conn_.prepare("SELECT 1 FROM members WHERE handle = ?1");
  s.bind(1, handle);
  return s.step();
}

bool MemberRepository::email_taken(std::string_view email) {
  auto s = conn_.prepare("SELECT 1 FROM members WHERE email = ?1");
  s.bind(1, email);
  return s.step();
}

void MemberRepository::update_profile(MemberId id, const Profile& p, Micros now) {
  auto s = conn_.prepare(
      "UPDATE members SET display_name = ?2, bio = ?3, home_place = ?4, avatar_url = ?5, "
      "vis_display_name = ?6, vis_bio = ?7, vis_skills = ?8, vis_interests = ?9, "
      "vis_home_place = ?10, vis_avatar_url = ?11, updated_at = ?12 WHERE id = ?1");
  s.bind(1, id).bind(2, p.display_name).bind(3, p.bio).bind(4, p.home_place).bind(5, p.avatar_url);
  for (size_t i = 0; i < kProfileFieldCount; ++i) {
    s.bind(static_cast<int>(6 + i), to_name(p.visibility[i]));
  }
  s.bind(12, now);
  s.run();
  write_terms(id, kSkillKind, p.skills);
  write_terms(id, kInterestKind, p.interests);
  if (auto member = find_by_id(id)) index_member_text(conn_, *member);
}

void MemberRepository::set_password_hash(MemberId id, const std::string& hash, Micros now) {
  auto s = conn_.prepare("UPDATE members SET password_hash = ?2, updated_at = ?3 WHERE id = ?1");
  s.bind(1, id).bind(2, hash).bind(3, now).run();
}

void MemberRepository::set_role(MemberId id, MemberRole role) {
  auto s = conn_.prepare("UPDATE members SET role = ?2 WHERE id = ?1");
  s.bind(1, id).bind(2, to_name(role)).run();
}

void MemberRepository::set_suspended(MemberId id, std::optional<Micros> at) {
  auto s = conn_.prepare("UPDATE members SET suspended_at = ?2 WHERE id = ?1");
  s.bind(1, id).bind_optional(2, at).run();
}

std::vector<Member> MemberRepository::directory(const DirectoryQuery& q) {
  // The term filter drives the query through member_terms_by_term when
  // present, so a skill search on 1M members reads only the matches.
  Keyset keyset({"", "m.id", SortOrder::kAscending}, q.after, q.limit);
  std::string sql = "SELECT ";
  sql += kColumns;
  sql += " FROM members m";
  std::string where = " WHERE " + keyset.after_cursor() + " AND " + member_listed_sql("m.id", "m");
  if (!q.skill.empty()) {
    sql += " JOIN member_terms ts ON ts.member_id = m.id AND ts.kind = 'skills' AND ts.term = ?3";
    where += " AND " + visible_to_viewer("vis_skills");
  }
  if (!q.interest.empty()) {
    sql +=
        " JOIN member_terms ti ON ti.member_id = m.id AND ti.kind = 'interests' AND ti.term = ?4";
    where += " AND " + visible_to_viewer("vis_interests");
  }
  if (!q.name_prefix.empty()) {
    where +=
        " AND (m.handle LIKE ?5 ESCAPE '\\' OR ((m.display_name LIKE ?5 ESCAPE '\\' OR "
        "m.display_name LIKE ?6 ESCAPE '\\') AND " +
        visible_to_viewer("vis_display_name") + "))";
  }
  sql += where + keyset.order_and_limit();
  auto s = conn_.prepare(sql);
  s.bind(1, q.viewer);
  if (!q.skill.empty()) s.bind(3, q.skill);
  if (!q.interest.empty()) s.bind(4, q.interest);
  if (!q.name_prefix.empty()) {
    std::string escaped = escape_like(q.name_prefix);
    s.bind(5, escaped + "%");
    s.bind(6, "% " + escaped + "%");  // any word of the display name
  }
  keyset.bind(s);
  std::vector<Member> out;
  while (s.step()) out.push_back(read_member_row(s));
  for (auto& m : out) load_terms(m);
  return out;
}

std::int64_t MemberRepository::count() {
  auto s = conn_.prepare("SELECT count(*) FROM members");
  s.step();
  return s.int64(0);
}

}  // namespace kring::store
