#include "store/space_repository.h"

#include "store/keyset.h"
#include "store/member_visibility_sql.h"
#include "store/row_ids.h"
#include "store/space_visibility_sql.h"

namespace kring::store {

namespace {
constexpr std::string_view kColumns =
    "s.id, s.slug, s.name, s.description, s.kind, s.visibility, s.created_by, s.archived_at, "
    "s.created_at, (SELECT count(*) FROM space_members c JOIN members cm ON cm.id = c.member_id "
    "WHERE c.space_id = s.id AND c.state = 'active' AND cm.suspended_at IS NULL), "
    "s.vote_limit, s.review_threshold";
constexpr int kColumnCount = 12;  // read_space reads columns 0..11

Space read_space(Statement& st) {
  Space s;
  s.id = st.int64(0);
  s.slug = st.text(1);
  s.name = st.text(2);
  s.description = st.text(3);
  s.kind = parse_space_kind(st.text(4)).value_or(SpaceKind::kCommunity);
  s.visibility = parse_space_visibility(st.text(5)).value_or(SpaceVisibility::kSecret);
  s.created_by = st.int64(6);
  s.archived = !st.is_null(7);
  s.created_at = st.int64(8);
  s.member_count = st.int64(9);
  if (!st.is_null(10)) s.votes.vote_limit = st.int64(10);
  if (!st.is_null(11)) s.votes.review_threshold = st.int64(11);
  return s;
}

std::string select_space(std::string_view rest) {
  return "SELECT " + std::string(kColumns) + " FROM spaces s " + std::string(rest);
}

void index_space(Connection& conn, const Space& s) {
  auto del = conn.prepare("DELETE FROM spaces_fts WHERE rowid = ?1");
  del.bind(1, s.id).run();
  auto ins = conn.prepare("INSERT INTO spaces_fts (rowid, name, description) VALUES (?1, ?2, ?3)");
  ins.bind(1, s.id).bind(2, s.name).bind(3, s.description).run();
}
}  // namespace

SpaceId SpaceRepository::insert(const Space& s, Micros now) {
  auto st = conn_.prepare(
      "INSERT INTO spaces (slug, name, description, kind, visibility, created_by, created_at, "
      "updated_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)");
  Space stored = s;
  stored.id = allocate_row_id(conn_, IdTable::kSpaces, now);
  st.bind(8, stored.id).bind(1, s.slug).bind(2, s.name).bind(3, s.description);
  st.bind(4, space_kind_name(s.kind));
  st.bind(5, space_visibility_name(s.visibility)).bind(6, s.created_by).bind(7, now).run();
  index_space(conn_, stored);
  return stored.id;
}

void SpaceRepository::update(const Space& s, Micros now) {
  auto st = conn_.prepare(
      "UPDATE spaces SET name = ?2, description = ?3, kind = ?4, visibility = ?5, archived_at = "
      "CASE WHEN ?6 THEN coalesce(archived_at, ?7) ELSE NULL END, updated_at = ?7, slug = ?8, "
      "vote_limit = ?9, review_threshold = ?10 WHERE id = ?1");
  st.bind_optional(9, s.votes.vote_limit).bind_optional(10, s.votes.review_threshold);
  st.bind(8, s.slug).bind(1, s.id).bind(2, s.name).bind(3, s.description);
  st.bind(4, space_kind_name(s.kind));
  st.bind(5, space_visibility_name(s.visibility)).bind(6, s.archived ? 1 : 0).bind(7, now).run();
  index_space(conn_, s);
}

std::optional<Space> SpaceRepository::find_by_slug(std::string_view slug) {
  auto st = conn_.prepare(select_space("WHERE s.slug = ?1"));
  st.bind(1, slug);
  if (!st.step()) return std::nullopt;
  return read_space(st);
}

std::optional<Space> SpaceRepository::find_by_id(SpaceId id) {
  auto st = conn_.prepare(select_space("WHERE s.id = ?1"));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_space(st);
}

std::optional<std::pair<std::string, std::string>> SpaceRepository::slug_and_name(SpaceId id) {
  auto st = conn_.prepare("SELECT slug, name FROM spaces WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return std::pair{st.text(0), st.text(1)};
}

bool SpaceRepository::slug_taken(std::string_view slug) {
  auto st = conn_.prepare("SELECT 1 FROM spaces WHERE slug = ?1");
  st.bind(1, slug);
  return st.step();
}

std::optional<Membership> SpaceRepository::membership(SpaceId space, MemberId member) {
  auto st =
      conn_.prepare("SELECT role, state FROM space_members WHERE space_id = ?1 AND member_id = ?2");
  st.bind(1, space).bind(2, member);
  if (!st.step()) return std::nullopt;
  return Membership{parse_space_role(st.text(0)).value_or(SpaceRole::kMember),
                    parse_membership_state(st.text(1)).value_or(MembershipState::kRequested)};
}

std::optional<SpaceAccess> SpaceRepository::access(SpaceId space, MemberId member) {
  auto st = conn_.prepare(
      "SELECT s.visibility, s.archived_at, m.role, m.state FROM spaces s "
      "LEFT JOIN space_members m ON m.space_id = s.id AND m.member_id = ?2 WHERE s.id = ?1");
  st.bind(1, space).bind(2, member);
  if (!st.step()) return std::nullopt;
  SpaceAccess a;
  a.visibility = parse_space_visibility(st.text(0)).value_or(SpaceVisibility::kSecret);
  a.archived = !st.is_null(1);
  if (!st.is_null(2)) {
    a.membership =
        Membership{parse_space_role(st.text(2)).value_or(SpaceRole::kMember),
                   parse_membership_state(st.text(3)).value_or(MembershipState::kRequested)};
  }
  return a;
}

void SpaceRepository::set_membership(SpaceId space, MemberId member, Membership m,
                                     MemberId invited_by, Micros now) {
  auto st = conn_.prepare(
      "INSERT INTO space_members (space_id, member_id, role, state, invited_by, created_at) "
      "VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6) ON CONFLICT (space_id, member_id) DO UPDATE SET "
      "role = excluded.role, state = excluded.state, created_at = CASE WHEN state = "
      "excluded.state THEN created_at ELSE excluded.created_at END");
  st.bind(1, space).bind(2, member).bind(3, space_role_name(m.role));
  st.bind(4, membership_state_name(m.state)).bind(5, invited_by).bind(6, now).run();
}

void SpaceRepository::remove_membership(SpaceId space, MemberId member) {
  auto st = conn_.prepare("DELETE FROM space_members WHERE space_id = ?1 AND member_id = ?2");
  st.bind(1, space).bind(2, member).run();
}

std::vector<MembershipRow> SpaceRepository::members(SpaceId space, MembershipState state,
                                                    std::optional<CursorKey> after, int limit,
                                                    MemberId viewer) {
  Keyset keyset({"sm.created_at", "sm.member_id", SortOrder::kAscending}, after, limit);
  auto st = conn_.prepare(
      "SELECT sm.member_id, sm.role, sm.created_at FROM space_members sm JOIN members m ON m.id = "
      "sm.member_id WHERE sm.space_id = ?1 AND sm.state = ?2 AND " +
      member_listed_sql("sm.member_id", "m", "?7") + " AND " + keyset.after_cursor() +
      keyset.order_and_limit());
  st.bind(1, space).bind(2, membership_state_name(state)).bind(7, viewer);
  keyset.bind(st);
  std::vector<MembershipRow> out;
  while (st.step()) {
    out.push_back({st.int64(0),
                   {parse_space_role(st.text(1)).value_or(SpaceRole::kMember), state},
                   st.int64(2)});
  }
  return out;
}

std::vector<MemberId> SpaceRepository::member_ids_with_role_at_least(SpaceId space,
                                                                     SpaceRole role) {
  // Power is the enum's order (core/space.h), so the comparison is made
  // here on parsed roles rather than on numbers written into the SQL.
  auto st = conn_.prepare(
      "SELECT member_id, role FROM space_members WHERE space_id = ?1 AND state = 'active' ORDER BY "
      "member_id");
  st.bind(1, space);
  std::vector<MemberId> out;
  while (st.step()) {
    auto held = parse_space_role(st.text(1));
    if (held && *held >= role) out.push_back(st.int64(0));
  }
  return out;
}

std::int64_t SpaceRepository::active_count(SpaceId space) {
  auto st =
      conn_.prepare("SELECT count(*) FROM space_members WHERE space_id = ?1 AND state = 'active'");
  st.bind(1, space);
  st.step();
  return st.int64(0);
}

std::vector<Space> SpaceRepository::list_visible(MemberId viewer, std::string_view name_prefix,
                                                 std::optional<CursorKey> after, int limit) {
  Keyset keyset({"", "s.id", SortOrder::kAscending}, after, limit);
  auto st = conn_.prepare(select_space(
      "WHERE " + space_visible_sql("s.id", "s") +
      " AND (?2 = '' OR s.name LIKE ?2 || '%' OR s.slug LIKE ?2 || '%') AND " +
      keyset.after_cursor() + keyset.order_and_limit()));
  st.bind(1, viewer).bind(2, name_prefix);
  keyset.bind(st);
  std::vector<Space> out;
  while (st.step()) out.push_back(read_space(st));
  return out;
}

std::vector<MemberSpaceRow> SpaceRepository::spaces_of(MemberId member, MembershipState state,
                                                       std::optional<CursorKey> after, int limit) {
  Keyset keyset({"sm.created_at", "s.id", SortOrder::kDescending}, after, limit);
  auto st = conn_.prepare("SELECT " + std::string(kColumns) +
                          ", sm.created_at FROM spaces s JOIN space_members sm ON sm.space_id = "
                          "s.id WHERE sm.member_id = ?1 AND sm.state = ?2 AND " +
                          keyset.after_cursor() + keyset.order_and_limit());
  st.bind(1, member).bind(2, membership_state_name(state));
  keyset.bind(st);
  std::vector<MemberSpaceRow> out;
  while (st.step()) {
    Space space = read_space(st);
    out.push_back({std::move(space), st.int64(kColumnCount)});
  }
  return out;
}

std::vector<Space> SpaceRepository::spaces_of(MemberId member, MembershipState state, int limit) {
  std::vector<Space> out;
  for (auto& row : spaces_of(member, state, std::nullopt, limit))
    out.push_back(std::move(row.space));
  return out;
}

}  // namespace kring::store
