#include "store/item_repository.h"

#include "store/item_visibility_sql.h"

namespace kring::store {

namespace {

constexpr std::string_view kColumns =
    "i.id, i.kind, i.author_id, i.space_id, i.visibility, i.title, i.body, i.html, i.status, "
    "i.reply_count, i.hidden_at, i.created_at, i.edited_at, i.deleted_at";

Item read_item(Statement& st) {
  Item it;
  it.id = st.int64(0);
  it.kind = st.text(1);
  it.author_id = st.int64(2);
  if (!st.is_null(3)) it.space_id = st.int64(3);
  it.visibility = parse_item_visibility(st.text(4)).value_or(ItemVisibility::kSpace);
  it.title = st.text(5);
  it.body = st.text(6);
  it.html = st.text(7);
  it.status = st.text(8);
  it.reply_count = st.int64(9);
  it.hidden = !st.is_null(10);
  it.created_at = st.int64(11);
  if (!st.is_null(12)) it.edited_at = st.int64(12);
  return it;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

}  // namespace

void ItemRepository::write_tags(ItemId id, const std::vector<std::string>& tags) {
  auto del = conn_.prepare("DELETE FROM item_tags WHERE item_id = ?1");
  del.bind(1, id).run();
  auto ins = conn_.prepare("INSERT OR IGNORE INTO item_tags (tag, item_id) VALUES (?1, ?2)");
  for (const auto& tag : tags) ins.bind(1, tag).bind(2, id).run();
}

void ItemRepository::index_text(const Item& item) {
  auto del = conn_.prepare("DELETE FROM items_fts WHERE rowid = ?1");
  del.bind(1, item.id).run();
  auto ins = conn_.prepare("INSERT INTO items_fts (rowid, title, body, tags) VALUES (?1, ?2, ?3, ?4)");
  ins.bind(1, item.id).bind(2, item.title).bind(3, item.body).bind(4, joined(item.tags)).run();
}

ItemId ItemRepository::insert(const Item& item, const std::vector<MemberId>& mentions) {
  auto st = conn_.prepare(
      "INSERT INTO items (kind, author_id, space_id, visibility, title, body, html, status, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.bind(1, item.kind).bind(2, item.author_id).bind_optional(3, item.space_id);
  st.bind(4, item_visibility_name(item.visibility)).bind(5, item.title).bind(6, item.body);
  st.bind(7, item.html).bind(8, item.status).bind(9, item.created_at).run();
  Item stored = item;
  stored.id = conn_.last_insert_id();
  write_tags(stored.id, item.tags);
  auto men = conn_.prepare("INSERT OR IGNORE INTO item_mentions (item_id, member_id) VALUES (?1, ?2)");
  for (MemberId m : mentions) men.bind(1, stored.id).bind(2, m).run();
  index_text(stored);
  return stored.id;
}

void ItemRepository::update_text(const Item& before, const Item& after, Micros now) {
  auto rev = conn_.prepare(
      "INSERT INTO item_revisions (item_id, title, body, replaced_at) VALUES (?1, ?2, ?3, ?4)");
  rev.bind(1, before.id).bind(2, before.title).bind(3, before.body).bind(4, now).run();
  auto st = conn_.prepare(
      "UPDATE items SET title = ?2, body = ?3, html = ?4, visibility = ?5, edited_at = ?6 WHERE "
      "id = ?1");
  st.bind(1, before.id).bind(2, after.title).bind(3, after.body).bind(4, after.html);
  st.bind(5, item_visibility_name(after.visibility)).bind(6, now).run();
  write_tags(before.id, after.tags);
  index_text(after);
}

void ItemRepository::set_status(ItemId id, const std::string& status) {
  auto st = conn_.prepare("UPDATE items SET status = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, status).run();
}

void ItemRepository::soft_delete(ItemId id, Micros now) {
  auto st = conn_.prepare("UPDATE items SET deleted_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, now).run();
  auto fts = conn_.prepare("DELETE FROM items_fts WHERE rowid = ?1");
  fts.bind(1, id).run();
  auto tags = conn_.prepare("DELETE FROM item_tags WHERE item_id = ?1");
  tags.bind(1, id).run();
}

void ItemRepository::set_hidden(ItemId id, std::optional<Micros> at) {
  auto st = conn_.prepare("UPDATE items SET hidden_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind_optional(2, at).run();
}

std::optional<Item> ItemRepository::find(ItemId id) {
  auto st = conn_.prepare("SELECT " + std::string(kColumns) +
                          " FROM items i WHERE i.id = ?1 AND i.deleted_at IS NULL");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Item item = read_item(st);
  auto tags = conn_.prepare("SELECT tag FROM item_tags WHERE item_id = ?1 ORDER BY tag");
  tags.bind(1, id);
  while (tags.step()) item.tags.push_back(tags.text(0));
  return item;
}

bool ItemRepository::readable(ItemId id, MemberId viewer) {
  auto st = conn_.prepare("SELECT 1 FROM items i WHERE i.id = ?2 AND " +
                          std::string(kItemReadableSql));
  st.bind(1, viewer).bind(2, id);
  return st.step();
}

std::vector<ItemRevision> ItemRepository::revisions(ItemId id) {
  auto st = conn_.prepare(
      "SELECT title, body, replaced_at FROM item_revisions WHERE item_id = ?1 ORDER BY id DESC");
  st.bind(1, id);
  std::vector<ItemRevision> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2)});
  return out;
}

std::vector<MemberId> ItemRepository::mentions(ItemId id) {
  auto st = conn_.prepare("SELECT member_id FROM item_mentions WHERE item_id = ?1");
  st.bind(1, id);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<Item> ItemRepository::feed(const FeedQuery& q) {
  // Each feed narrows the candidate rows by an index first (author, space,
  // tag, or the id order for home/public), then applies the read rule.
  std::string source;
  switch (q.kind) {
    case FeedKind::kHome:
      source =
          "(i.author_id = ?1 OR i.author_id IN (SELECT target_id FROM ties WHERE source_id = ?1 "
          "AND kind IN ('follow', 'connection') AND state = 'accepted') OR i.space_id IN (SELECT "
          "space_id FROM space_members WHERE member_id = ?1 AND state = 'active'))";
      break;
    case FeedKind::kPublic:
      source =
          "i.visibility = 'public' AND (i.space_id IS NULL OR i.space_id IN (SELECT id FROM "
          "spaces WHERE visibility = 'open'))";
      break;
    case FeedKind::kSpace:
      source = "i.space_id = ?4";
      break;
    case FeedKind::kMember:
      source = "i.author_id = ?4";
      break;
    case FeedKind::kTag:
      source = "i.id IN (SELECT item_id FROM item_tags WHERE tag = ?5)";
      break;
  }
  std::string sql = "SELECT " + std::string(kColumns) + " FROM items i WHERE i.id < ?2 AND " +
                    source + " AND " + std::string(kItemReadableSql);
  if (q.kind != FeedKind::kMember && q.kind != FeedKind::kSpace) {
    sql += " AND " + std::string(kItemNotMutedSql);
  }
  sql += " ORDER BY i.id DESC LIMIT ?3";
  auto st = conn_.prepare(sql);
  st.bind(1, q.viewer).bind(2, q.before.value_or(INT64_MAX)).bind(3, q.limit);
  if (q.kind == FeedKind::kSpace || q.kind == FeedKind::kMember) st.bind(4, q.target);
  if (q.kind == FeedKind::kTag) st.bind(5, q.tag);
  std::vector<Item> out;
  while (st.step()) out.push_back(read_item(st));
  auto tags = conn_.prepare("SELECT tag FROM item_tags WHERE item_id = ?1 ORDER BY tag");
  for (auto& item : out) {
    tags.bind(1, item.id);
    while (tags.step()) item.tags.push_back(tags.text(0));
    tags.reset();
  }
  return out;
}

}  // namespace kring::store
