#include "store/network_repository.h"

#include "store/item_visibility_sql.h"

namespace kring::store {

std::int64_t NetworkRepository::version() {
  auto st = conn_.prepare("SELECT version FROM network_version WHERE id = 1");
  return st.step() ? st.int64(0) : 0;
}

void NetworkRepository::members(const std::function<void(MemberId, std::string)>& visit) {
  auto st = conn_.prepare("SELECT id, handle FROM members WHERE suspended_at IS NULL ORDER BY id");
  while (st.step()) visit(st.int64(0), st.text(1));
}

namespace {

std::vector<MemberId> first_column_ids(Statement& st) {
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace

std::vector<MemberId> NetworkRepository::space_members(SpaceId space) {
  auto st = conn_.prepare(
      "SELECT sm.member_id FROM space_members sm JOIN members m ON m.id = sm.member_id WHERE "
      "sm.space_id = ?1 AND sm.state = 'active' AND m.suspended_at IS NULL ORDER BY sm.member_id");
  st.bind(1, space);
  return first_column_ids(st);
}

std::vector<MemberId> NetworkRepository::tag_members(const std::string& tag,
                                                     const std::vector<Visibility>& visible,
                                                     MemberId generic_viewer) {
  // A term counts where the visibility of the field it comes from (its
  // kind) is one of `visible`. Names come from the enum table, never from input.
  std::string shown = "NULL";
  for (auto v : visible) {
    shown += ", '";
    shown += to_name(v);
    shown += '\'';
  }
  std::string sql =
      "SELECT t.member_id FROM member_terms t JOIN members m ON m.id = t.member_id WHERE t.term = "
      "?2 AND ((t.kind = 'skills' AND m.vis_skills IN (" +
      shown +
      ")) OR (t.kind = 'interests' AND m.vis_interests "
      "IN (" +
      shown +
      "))) UNION SELECT i.author_id FROM item_tags g JOIN items i ON i.id = "
      "g.item_id WHERE g.tag = ?2 AND " +
      std::string(kItemReadableSql) + " ORDER BY 1";
  auto st = conn_.prepare(sql);
  st.bind(1, generic_viewer).bind(2, tag);
  return first_column_ids(st);
}

void NetworkRepository::blocks(const std::function<void(MemberId, MemberId)>& visit) {
  auto st = conn_.prepare("SELECT source_id, target_id FROM ties WHERE kind = 'block'");
  while (st.step()) visit(st.int64(0), st.int64(1));
}

std::vector<MemberId> NetworkRepository::blocked_with(MemberId member) {
  auto st = conn_.prepare(
      "SELECT target_id FROM ties WHERE kind = 'block' AND source_id = ?1 UNION SELECT source_id "
      "FROM ties WHERE kind = 'block' AND target_id = ?1 ORDER BY 1");
  st.bind(1, member);
  return first_column_ids(st);
}

std::vector<MemberId> NetworkRepository::suspended_members() {
  auto st = conn_.prepare("SELECT id FROM members WHERE suspended_at IS NOT NULL ORDER BY id");
  return first_column_ids(st);
}

void NetworkRepository::interactions(std::optional<SpaceId> include_space,
                                     const std::function<void(const InteractionRow&)>& visit) {
  // An item's interactions count when it is outside spaces, in an open
  // space, or in the one space being analysed.
  constexpr std::string_view kItemCounts =
      "(i.space_id IS NULL OR i.space_id = ?1 OR EXISTS (SELECT 1 FROM spaces s WHERE s.id = "
      "i.space_id AND s.visibility = 'open'))";
  std::string sql =
      "SELECT source_id, target_id, kind, created_at, 0 FROM "
      "ties WHERE state = 'accepted' AND kind IN ('follow', 'connection') "
      "UNION ALL SELECT r.author_id, i.author_id, 'reply', r.created_at, 0 FROM replies r JOIN "
      "items i ON i.id = r.item_id WHERE r.deleted_at IS NULL AND i.deleted_at IS NULL AND " +
      std::string(kItemCounts) +
      " UNION ALL SELECT x.member_id, i.author_id, 'reaction', x.created_at, 0 FROM reactions x "
      "JOIN items i ON i.id = x.target_id WHERE x.target_type = 'item' AND i.deleted_at IS NULL AND " +
      std::string(kItemCounts) +
      " UNION ALL SELECT x.member_id, r.author_id, 'reaction', x.created_at, 0 FROM reactions x "
      "JOIN replies r ON r.id = x.target_id JOIN items i ON i.id = r.item_id WHERE x.target_type = "
      "'reply' AND "
      "r.deleted_at IS NULL AND i.deleted_at IS NULL AND " +
      std::string(kItemCounts) +
      " UNION ALL SELECT c.giver_id, c.receiver_id, 'contribution', COALESCE(c.decided_at, "
      "c.created_at), 0 FROM contributions c JOIN items i ON i.id = c.item_id WHERE c.status = "
      "'confirmed' AND i.deleted_at IS NULL AND " +
      std::string(kItemCounts) +
      // The check-in count counts every member checked in, in scope or not,
      // so that a pair weighs the same in every network it enters.
      " UNION ALL SELECT a.member_id, b.member_id, 'co_attendance', MAX(a.checked_in_at, "
      "b.checked_in_at), n.checked_in FROM (SELECT item_id, COUNT(*) AS checked_in FROM rsvps "
      "WHERE checked_in_at IS NOT NULL GROUP BY item_id HAVING COUNT(*) > 1) n JOIN items i ON "
      "i.id = n.item_id JOIN rsvps a ON a.item_id = n.item_id AND a.checked_in_at IS NOT NULL "
      "JOIN rsvps b ON b.item_id = n.item_id AND b.member_id > a.member_id AND b.checked_in_at "
      "IS NOT NULL WHERE i.deleted_at IS NULL AND " +
      std::string(kItemCounts);
  auto st = conn_.prepare(sql);
  st.bind(1, include_space.value_or(0));
  while (st.step()) {
    auto kind = from_name<InteractionKind>(st.text(2));
    if (kind) visit({st.int64(0), st.int64(1), *kind, st.int64(3), st.int64(4)});
  }
}

void NetworkRepository::record_history(const NetworkHistoryRow& r) {
  auto st = conn_.prepare(
      "INSERT INTO network_history (scope, version, computed_at, nodes, edges, density, "
      "components, average_clustering, modularity, communities, average_path_length, isolates) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  st.bind(1, r.scope).bind(2, r.version).bind(3, r.computed_at).bind(4, r.nodes).bind(5, r.edges);
  st.bind(6, r.density).bind(7, r.components).bind(8, r.average_clustering).bind(9, r.modularity);
  st.bind(10, r.communities).bind(11, r.average_path_length).bind(12, r.isolates).run();
}

std::vector<NetworkHistoryRow> NetworkRepository::history(const std::string& scope, int limit) {
  auto st = conn_.prepare(
      "SELECT scope, version, computed_at, nodes, edges, density, components, average_clustering, "
      "modularity, communities, average_path_length, isolates FROM (SELECT * FROM network_history "
      "WHERE scope = ?1 ORDER BY id DESC LIMIT ?2) ORDER BY id");
  st.bind(1, scope).bind(2, limit);
  std::vector<NetworkHistoryRow> out;
  while (st.step()) {
    NetworkHistoryRow r;
    r.scope = st.text(0);
    r.version = st.int64(1);
    r.computed_at = st.int64(2);
    r.nodes = st.int64(3);
    r.edges = st.int64(4);
    r.density = st.real(5);
    r.components = st.int64(6);
    r.average_clustering = st.real(7);
    r.modularity = st.real(8);
    r.communities = st.int64(9);
    r.average_path_length = st.real(10);
    r.isolates = st.int64(11);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kring::store
