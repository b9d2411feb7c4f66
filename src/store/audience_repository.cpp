#include "store/audience_repository.h"

#include "core/enum_names.h"
#include "store/item_visibility_sql.h"
#include "store/space_visibility_sql.h"

namespace kring::store {

namespace {

// The roles that host a space, as the SQL list "'moderator', 'owner'": by
// name from the role table, so power stays the enum's order (core/space.h).
std::string host_roles_sql() {
  std::string list;
  for (SpaceRole role : enum_values<SpaceRole>()) {
    if (role < SpaceRole::kModerator) continue;
    list += (list.empty() ? "'" : ", '") + std::string(to_name(role)) + "'";
  }
  return list;
}

}  // namespace

std::vector<MemberId> AudienceRepository::active_members_named(
    std::span<const std::string> handles) {
  auto st = conn_.prepare("SELECT id FROM members WHERE handle = ?1 AND suspended_at IS NULL");
  std::vector<MemberId> out;
  for (const auto& handle : handles) {
    st.bind(1, handle);
    if (st.step()) out.push_back(st.int64(0));
    st.reset();
  }
  return out;
}

std::optional<MemberId> AudienceRepository::item_author(ItemId item) {
  auto st = conn_.prepare("SELECT author_id FROM items WHERE id = ?1");
  st.bind(1, item);
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

std::optional<MemberId> AudienceRepository::reply_author(ReplyId reply) {
  auto st = conn_.prepare("SELECT author_id FROM replies WHERE id = ?1 AND deleted_at IS NULL");
  st.bind(1, reply);
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

std::vector<MemberId> AudienceRepository::item_repliers(ItemId item) {
  auto st = conn_.prepare(
      "SELECT author_id FROM replies WHERE item_id = ?1 AND deleted_at IS NULL GROUP BY author_id "
      "ORDER BY min(id)");
  st.bind(1, item);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<MemberId> AudienceRepository::item_followers(ItemId item) {
  auto st = conn_.prepare(
      "SELECT f.member_id FROM item_follows f JOIN members m ON m.id = f.member_id WHERE "
      "f.item_id = ?1 AND m.suspended_at IS NULL ORDER BY f.member_id");
  st.bind(1, item);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<MemberId> AudienceRepository::item_voters(ItemId item) {
  auto st = conn_.prepare(
      "SELECT v.member_id FROM item_votes v JOIN members m ON m.id = v.member_id WHERE "
      "v.item_id = ?1 AND m.suspended_at IS NULL ORDER BY v.member_id");
  st.bind(1, item);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<MemberId> AudienceRepository::space_hosts(SpaceId space) {
  static const std::string sql =
      "SELECT sm.member_id FROM space_members sm JOIN members m ON m.id = sm.member_id WHERE "
      "sm.space_id = ?1 AND sm.state = 'active' AND m.suspended_at IS NULL AND sm.role IN (" +
      host_roles_sql() + ") ORDER BY sm.member_id";
  auto st = conn_.prepare(sql);
  st.bind(1, space);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

bool AudienceRepository::may_be_told(MemberId recipient, MemberId actor, std::optional<ItemId> item,
                                     std::optional<SpaceId> space) {
  // ?1 recipient (the viewer of the shared visibility fragments), ?2 actor,
  // ?3 item or NULL, ?4 space or NULL.
  static const std::string sql =
      "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM ties b WHERE b.kind = 'block' AND ((b.source_id = "
      "?1 AND b.target_id = ?2) OR (b.source_id = ?2 AND b.target_id = ?1))) AND NOT EXISTS "
      "(SELECT 1 FROM mutes mu WHERE mu.member_id = ?1 AND ((mu.target_type = 'member' AND "
      "mu.target_id = ?2) OR (mu.target_type = 'space' AND (mu.target_id = ?4 OR mu.target_id = "
      "(SELECT space_id FROM items WHERE id = ?3))))) AND (?3 IS NULL OR EXISTS (SELECT 1 FROM "
      "items i WHERE i.id = ?3 AND " +
      std::string(kItemReadableSql) + ")) AND (?4 IS NULL OR " + space_visible_sql("?4") + ")";
  auto st = conn_.prepare(sql);
  st.bind(1, recipient).bind(2, actor).bind_optional(3, item).bind_optional(4, space);
  return st.step();
}

}  // namespace kring::store
