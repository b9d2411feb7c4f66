#include "store/item_repository.h"

#include <algorithm>
#include <iterator>

#include "core/kinds.h"
#include "store/item_visibility_sql.h"
#include "store/keyset.h"
#include "store/member_repository.h"
#include "store/row_ids.h"

namespace kring::store {

namespace {

constexpr std::string_view kColumns =
    "i.id, i.kind, i.author_id, i.space_id, i.visibility, i.title, i.body, i.html, i.status, "
    "i.reply_count, i.hidden_at, i.created_at, i.edited_at, i.deleted_at, i.lat, i.lon, i.address, "
    "i.category, i.starts_at, i.ends_at, i.capacity, i.deadline, i.minimum, i.expires_at, "
    "i.offer_mode";

std::optional<std::int64_t> optional_int(Statement& st, int column) {
  if (st.is_null(column)) return std::nullopt;
  return st.int64(column);
}

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
  if (!st.is_null(14) && !st.is_null(15)) {
    it.location = ItemLocation{st.real(14), st.real(15), st.is_null(16) ? "" : st.text(16)};
  }
  if (!st.is_null(17)) it.category = st.text(17);
  it.starts_at = optional_int(st, 18);
  it.ends_at = optional_int(st, 19);
  it.capacity = optional_int(st, 20);
  it.deadline = optional_int(st, 21);
  it.minimum = optional_int(st, 22);
  it.expires_at = optional_int(st, 23);
  if (!st.is_null(24)) it.offer_mode = st.text(24);
  return it;
}

// The newest item id below ?2 of each home source, with the source (an
// author or a space id), newest first, ?3 of them; a source with nothing
// below ?2 sorts last with a NULL. Each head is one seek at the end of an
// index range. Muted members and spaces are left out: the mute rule drops
// their items from home anyway, and a busy muted source would otherwise
// fill every window with items nobody sees.
constexpr std::string_view kHomeHeadsSql = R"sql(
WITH authors(id) AS (
  SELECT ?1 UNION SELECT target_id FROM ties
  WHERE source_id = ?1 AND kind IN ('follow', 'connection') AND state = 'accepted')
SELECT (SELECT x.id FROM items x WHERE x.author_id = a.id AND x.id < ?2
        ORDER BY x.id DESC LIMIT 1) AS head, a.id AS author, NULL AS space
FROM authors a
WHERE a.id NOT IN (SELECT target_id FROM mutes WHERE member_id = ?1 AND target_type = 'member')
UNION ALL
SELECT (SELECT x.id FROM items x WHERE x.space_id = m.space_id AND x.id < ?2
        ORDER BY x.id DESC LIMIT 1), NULL, m.space_id
FROM space_members m
WHERE m.member_id = ?1 AND m.state = 'active'
  AND m.space_id NOT IN (SELECT target_id FROM mutes WHERE member_id = ?1 AND target_type = 'space')
ORDER BY head DESC LIMIT ?3)sql";

// The ?3 newest items below ?2 of the given home sources (JSON arrays of
// author ids ?4 and space ids ?5), with the source as in kHomeHeadsSql,
// newest first: each source's items from its ?3-th newest (one seek) to ?2
// (one index range), ?3 of them in all.
constexpr std::string_view kHomeNewestSql = R"sql(
SELECT x.id, a.value, NULL
FROM json_each(?4) a JOIN items x ON x.author_id = a.value
WHERE x.id < ?2
  AND x.id >= coalesce((SELECT y.id FROM items y WHERE y.author_id = a.value AND y.id < ?2
                        ORDER BY y.id DESC LIMIT 1 OFFSET ?3 - 1), 0)
UNION ALL
SELECT x.id, NULL, s.value
FROM json_each(?5) s JOIN items x ON x.space_id = s.value
WHERE x.id < ?2
  AND x.id >= coalesce((SELECT y.id FROM items y WHERE y.space_id = s.value AND y.id < ?2
                        ORDER BY y.id DESC LIMIT 1 OFFSET ?3 - 1), 0)
ORDER BY 1 DESC LIMIT ?3)sql";

// Within a window, home reads only the sources home_window() named, as JSON
// arrays of author ids (?7) and space ids (?8).
constexpr std::string_view kHomeWindowSourceSql =
    "(i.author_id IN (SELECT value FROM json_each(?7)) OR i.space_id IN (SELECT value FROM "
    "json_each(?8)))";

// How each feed finds its candidate rows in id order, before the read rule:
// by the id order itself (public), an index range (space, member), the tag's
// own (tag, item_id) key, so a page stops after a page of rows instead of
// sorting every item with the tag (27 ms for a tag on 166,000 of 1M items),
// or home's sources in a window. Indexed by FeedKind. Mutes apply to every
// feed but a space's and a member's own.
struct FeedShape {
  std::string_view from;
  std::string_view source;
  std::string_view order_key;
  bool mutes_apply;
};
constexpr FeedShape kFeedShapes[] = {
    {"items i", kHomeWindowSourceSql, "i.id", true},
    {"items i",
     "i.visibility = 'public' AND (i.space_id IS NULL OR i.space_id IN (SELECT id FROM spaces "
     "WHERE visibility = 'open'))",
     "i.id", true},
    {"items i", "i.space_id = ?4", "i.id", false},
    {"items i", "i.author_id = ?4", "i.id", false},
    {"item_tags t JOIN items i ON i.id = t.item_id",
     "t.tag = ?5 AND t.item_id < ?2 AND t.item_id >= ?6", "t.item_id", true},
};
static_assert(std::size(kFeedShapes) == static_cast<std::size_t>(FeedKind::kTag) + 1);

// Ids as a JSON array, for json_each(): unique, so each source is read once.
std::string json_array(std::vector<std::int64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out = "[";
  for (auto id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
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

void ItemRepository::write_place(const Item& item) {
  auto st = conn_.prepare(
      "UPDATE items SET lat = ?2, lon = ?3, address = ?4, category = ?5 WHERE id = ?1");
  st.bind(1, item.id);
  if (item.category) {
    st.bind(5, *item.category);
  } else {
    st.bind_null(5);
  }
  if (item.location) {
    st.bind(2, item.location->lat).bind(3, item.location->lon).bind(4, item.location->address);
  } else {
    st.bind_null(2).bind_null(3).bind_null(4);
  }
  st.run();
  auto del = conn_.prepare("DELETE FROM item_places WHERE id = ?1");
  del.bind(1, item.id).run();
  if (!item.location) return;
  auto ins = conn_.prepare(
      "INSERT INTO item_places (id, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, "
      "?3)");
  ins.bind(1, item.id).bind(2, item.location->lat).bind(3, item.location->lon).run();
}

void ItemRepository::write_exchange(const Item& item) {
  auto st = conn_.prepare(
      "UPDATE items SET starts_at = ?2, ends_at = ?3, capacity = ?4, deadline = ?5, minimum = ?6, "
      "expires_at = ?7, offer_mode = ?8 WHERE id = ?1");
  st.bind(1, item.id).bind_optional(2, item.starts_at).bind_optional(3, item.ends_at);
  st.bind_optional(4, item.capacity).bind_optional(5, item.deadline);
  st.bind_optional(6, item.minimum).bind_optional(7, item.expires_at);
  if (item.offer_mode) {
    st.bind(8, *item.offer_mode);
  } else {
    st.bind_null(8);
  }
  st.run();
  auto del_skills = conn_.prepare("DELETE FROM item_skills WHERE item_id = ?1");
  del_skills.bind(1, item.id).run();
  auto skill = conn_.prepare(
      "INSERT OR IGNORE INTO item_skills (item_id, skill, label, position) VALUES (?1, ?2, ?3, "
      "?4)");
  for (std::size_t i = 0; i < item.skills.size(); ++i) {
    skill.bind(1, item.id).bind(2, normalize_term(item.skills[i])).bind(3, item.skills[i]);
    skill.bind(4, static_cast<std::int64_t>(i)).run();
  }
  auto del_goals = conn_.prepare("DELETE FROM item_goals WHERE item_id = ?1");
  del_goals.bind(1, item.id).run();
  auto goal = conn_.prepare(
      "INSERT INTO item_goals (item_id, position, kind, target, label) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (std::size_t i = 0; i < item.goals.size(); ++i) {
    const ItemGoal& g = item.goals[i];
    goal.bind(1, item.id).bind(2, static_cast<std::int64_t>(i)).bind(3, g.kind);
    goal.bind(4, g.target).bind(5, g.label).run();
  }
}

void ItemRepository::read_exchange(Item& item) {
  const ItemKindRule* rule = find_item_kind(item.kind);
  if (!rule) return;
  if (rule->takes(ItemField::kSkills)) {
    auto st =
        conn_.prepare("SELECT label FROM item_skills WHERE item_id = ?1 ORDER BY position");
    st.bind(1, item.id);
    while (st.step()) item.skills.push_back(st.text(0));
  }
  if (rule->takes(ItemField::kGoals)) {
    auto st = conn_.prepare(
        "SELECT kind, target, label FROM item_goals WHERE item_id = ?1 ORDER BY position");
    st.bind(1, item.id);
    while (st.step()) item.goals.push_back({st.text(0), st.int64(1), st.text(2)});
  }
}

void ItemRepository::index_text(const Item& item) {
  auto del = conn_.prepare("DELETE FROM items_fts WHERE rowid = ?1");
  del.bind(1, item.id).run();
  auto ins =
      conn_.prepare("INSERT INTO items_fts (rowid, title, body, tags) VALUES (?1, ?2, ?3, ?4)");
  ins.bind(1, item.id).bind(2, item.title).bind(3, item.body).bind(4, joined(item.tags)).run();
}

ItemId ItemRepository::insert(const Item& item, const std::vector<MemberId>& mentions) {
  auto st = conn_.prepare(
      "INSERT INTO items (kind, author_id, space_id, visibility, title, body, html, status, "
      "created_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  Item stored = item;
  stored.id = allocate_row_id(conn_, IdTable::kItems, item.created_at);
  st.bind(10, stored.id).bind(1, item.kind).bind(2, item.author_id).bind_optional(3, item.space_id);
  st.bind(4, item_visibility_name(item.visibility)).bind(5, item.title).bind(6, item.body);
  st.bind(7, item.html).bind(8, item.status).bind(9, item.created_at).run();
  write_tags(stored.id, item.tags);
  write_place(stored);
  write_exchange(stored);
  auto men =
      conn_.prepare("INSERT OR IGNORE INTO item_mentions (item_id, member_id) VALUES (?1, ?2)");
  for (MemberId m : mentions) men.bind(1, stored.id).bind(2, m).run();
  index_text(stored);
  return stored.id;
}

void ItemRepository::update_text(const Item& before, const Item& after, Micros now) {
  auto rev = conn_.prepare(
      "INSERT INTO item_revisions (item_id, title, body, replaced_at, visibility) VALUES (?1, ?2, "
      "?3, ?4, ?5)");
  rev.bind(1, before.id).bind(2, before.title).bind(3, before.body).bind(4, now);
  rev.bind(5, item_visibility_name(before.visibility)).run();
  auto st = conn_.prepare(
      "UPDATE items SET title = ?2, body = ?3, html = ?4, visibility = ?5, edited_at = ?6 WHERE "
      "id = ?1");
  st.bind(1, before.id).bind(2, after.title).bind(3, after.body).bind(4, after.html);
  st.bind(5, item_visibility_name(after.visibility)).bind(6, now).run();
  write_tags(before.id, after.tags);
  write_place(after);
  write_exchange(after);
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
  auto place = conn_.prepare("DELETE FROM item_places WHERE id = ?1");
  place.bind(1, id).run();
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
  read_exchange(item);
  return item;
}

bool ItemRepository::readable(ItemId id, MemberId viewer) {
  auto st =
      conn_.prepare("SELECT 1 FROM items i WHERE i.id = ?2 AND " + std::string(kItemReadableSql));
  st.bind(1, viewer).bind(2, id);
  return st.step();
}

std::vector<ItemRevision> ItemRepository::revisions(ItemId id, MemberId viewer,
                                                    std::optional<CursorKey> after, int limit) {
  // Each revision is read as the item it was: the item's row with the
  // revision's visibility, through the items' own read rule.
  Keyset keyset({"", "i.revision_id", SortOrder::kDescending}, after, limit);
  auto st = conn_.prepare(
      "SELECT i.title, i.body, i.replaced_at, i.revision_id FROM (SELECT r.id AS revision_id, "
      "r.title, r.body, "
      "r.replaced_at, r.visibility, x.id, x.author_id, x.space_id, x.hidden_at, x.deleted_at "
      "FROM item_revisions r JOIN items x ON x.id = r.item_id WHERE r.item_id = ?2) i WHERE " +
      std::string(kItemReadableSql) + " AND " + keyset.after_cursor() + keyset.order_and_limit());
  st.bind(1, viewer).bind(2, id);
  keyset.bind(st);
  std::vector<ItemRevision> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2), st.int64(3)});
  return out;
}

std::vector<MemberId> ItemRepository::mentions(ItemId id) {
  auto st = conn_.prepare("SELECT member_id FROM item_mentions WHERE item_id = ?1");
  st.bind(1, id);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<FeedItem> ItemRepository::feed(const FeedQuery& q) {
  std::vector<Item> items;
  if (q.kind == FeedKind::kHome) {
    items = home_feed(q);
  } else {
    FeedWindow all;
    all.upper = q.before.value_or(INT64_MAX);
    items = feed_rows(q, all, q.limit);
  }
  std::vector<FeedItem> out;
  out.reserve(items.size());
  auto tags = conn_.prepare("SELECT tag FROM item_tags WHERE item_id = ?1 ORDER BY tag");
  auto space = conn_.prepare("SELECT slug, name FROM spaces WHERE id = ?1");
  for (auto& item : items) {
    FeedItem entry;
    tags.bind(1, item.id);
    while (tags.step()) item.tags.push_back(tags.text(0));
    tags.reset();
    read_exchange(item);
    if (item.space_id) {
      space.bind(1, *item.space_id);
      if (space.step()) entry.space_slug = space.text(0), entry.space_name = space.text(1);
      space.reset();
    }
    entry.item = std::move(item);
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<Item> ItemRepository::home_feed(const FeedQuery& q) {
  // Home draws on the viewer's own items, followed and connected members'
  // and joined spaces' (1,200 sources for a member who follows 1,000 and
  // joined 50). Asking SQLite for the OR of those sources reads every item
  // they ever wrote, one index range each, and sorts: 600 ms on 1M items
  // (bench/store). Instead each page reads windows of ids, newest first:
  // home_window() bounds one that holds the sources' k newest items and
  // names the few sources with items in it; feed_rows() reads those through
  // the read rule. k starts at two pages, so one window usually fills the
  // page; when the read rule drops more, the next window, below this one,
  // doubles k, up to 8 pages (k * k index steps per window). Windows are
  // bounded by ids of real rows (heads, the k-th newest), never by id
  // arithmetic, so they hold in any id space that grows with time: the old
  // sequential ids and the sparse time-ordered ones (core/ids.h) alike.
  std::vector<Item> out;
  FeedWindow window;
  window.upper = q.before.value_or(INT64_MAX);
  int k = 2 * q.limit;
  while (static_cast<int>(out.size()) < q.limit && home_window(q.viewer, k, window)) {
    auto rows = feed_rows(q, window, q.limit - static_cast<int>(out.size()));
    for (auto& item : rows) out.push_back(std::move(item));
    window.upper = window.lower;
    k = std::min(2 * k, 8 * q.limit);
  }
  return out;
}

bool ItemRepository::home_window(MemberId viewer, int k, FeedWindow& window) {
  // 1. The newest item below the top of every source, one index seek each
  //    (1 ms for 1,200 sources): only the sources with the k newest of those
  //    heads can have items among the k newest items of all.
  // 2. The k newest items of each of those (at most k * k index steps); the
  //    k-th newest of them bounds the window, which so holds k items (an
  //    item in a joined space by a followed member counts twice) from the
  //    sources named. The heads alone would bound it too, but loosely: with
  //    a quiet source among them the window reaches back months and a busy
  //    source floods it (over 100 ms a page for a member of the busiest
  //    space who follows 9 quiet members).
  std::vector<std::int64_t> authors, spaces;
  auto collect = [&](Statement& st) {
    int found = 0;
    for (; st.step() && !st.is_null(0); ++found) {
      window.lower = st.int64(0);
      if (st.is_null(1)) {
        spaces.push_back(st.int64(2));
      } else {
        authors.push_back(st.int64(1));
      }
    }
    st.reset();
    window.authors = json_array(authors);
    window.spaces = json_array(spaces);
    authors.clear();
    spaces.clear();
    return found;
  };
  auto heads = conn_.prepare(kHomeHeadsSql);
  heads.bind(1, viewer).bind(2, window.upper).bind(3, k);
  if (collect(heads) == 0) return false;  // no source has anything older
  auto newest = conn_.prepare(kHomeNewestSql);
  newest.bind(2, window.upper).bind(3, k).bind(4, window.authors).bind(5, window.spaces);
  collect(newest);
  return true;
}

std::vector<Item> ItemRepository::feed_rows(const FeedQuery& q, const FeedWindow& window,
                                            int limit) {
  const FeedShape& shape = kFeedShapes[static_cast<std::size_t>(q.kind)];
  std::string sql = "SELECT " + std::string(kColumns) + " FROM " + std::string(shape.from) +
                    " WHERE i.id < ?2 AND i.id >= ?6 AND " + std::string(shape.source) + " AND " +
                    std::string(kItemReadableSql);
  if (shape.mutes_apply) sql += " AND " + std::string(kItemNotMutedSql);
  sql += " ORDER BY " + std::string(shape.order_key) + " DESC LIMIT ?3";
  auto st = conn_.prepare(sql);
  st.bind(1, q.viewer).bind(2, window.upper).bind(3, limit).bind(6, window.lower);
  if (q.kind == FeedKind::kSpace || q.kind == FeedKind::kMember) st.bind(4, q.target);
  if (q.kind == FeedKind::kTag) st.bind(5, q.tag);
  if (q.kind == FeedKind::kHome) st.bind(7, window.authors).bind(8, window.spaces);
  std::vector<Item> out;
  while (st.step()) out.push_back(read_item(st));
  return out;
}

}  // namespace kring::store
