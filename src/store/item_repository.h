#pragma once
// Items, their tags, mentions and edit history, and the feed queries.
// Runs inside the caller's transaction.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "store/database.h"

namespace kring::store {

enum class FeedKind { kHome, kPublic, kSpace, kMember, kTag };

struct FeedQuery {
  FeedKind kind = FeedKind::kPublic;
  MemberId viewer = 0;
  std::int64_t target = 0;  // space id (kSpace) or member id (kMember)
  std::string tag;          // kTag
  std::optional<ItemId> before;
  int limit = 20;
};

// One feed entry: the item with its tags, and its space's slug and name,
// which every entry shows (empty outside spaces).
struct FeedItem {
  Item item;
  std::string space_slug;
  std::string space_name;
};

struct ItemRevision {
  std::string title;
  std::string body;
  Micros replaced_at = 0;
  std::int64_t id = 0;  // orders an item's revisions (store/keyset.h)
};

class ItemRepository {
 public:
  explicit ItemRepository(Connection& conn) : conn_(conn) {}

  ItemId insert(const Item& item, const std::vector<MemberId>& mentions);
  // Keeps the previous title, body and visibility as a revision.
  void update_text(const Item& before, const Item& after, Micros now);
  void set_status(ItemId id, const std::string& status);
  void soft_delete(ItemId id, Micros now);
  void set_hidden(ItemId id, std::optional<Micros> at);
  std::optional<Item> find(ItemId id);  // includes deleted/hidden flags in the row
  bool readable(ItemId id, MemberId viewer);
  // Newest first, keyset-paged on revision id; only the revisions the
  // viewer could read when they were written (each under its own
  // visibility), none of a hidden or deleted item the viewer may not read.
  std::vector<ItemRevision> revisions(ItemId id, MemberId viewer, std::optional<CursorKey> after,
                                      int limit);
  std::vector<MemberId> mentions(ItemId id);

  // Newest first; only items readable by query.viewer, muted ones left out
  // of every feed but the member's own.
  std::vector<FeedItem> feed(const FeedQuery& query);

 private:
  // Ids lower <= id < upper; for home, the sources to read as JSON arrays.
  struct FeedWindow {
    ItemId lower = 0;
    ItemId upper = INT64_MAX;
    std::string authors;
    std::string spaces;
  };
  std::vector<Item> home_feed(const FeedQuery& query);
  // Sets window.lower below window.upper and the sources with items in
  // between; false when no source has an item below window.upper.
  bool home_window(MemberId viewer, int k, FeedWindow& window);
  // The window's readable rows of the feed, newest first, at most limit.
  std::vector<Item> feed_rows(const FeedQuery& query, const FeedWindow& window, int limit);
  void write_tags(ItemId id, const std::vector<std::string>& tags);
  void index_text(const Item& item);
  // The row's place and category, and its point in the item_places R*Tree.
  void write_place(const Item& item);
  // Times, capacity, minimum, offer mode on the row; skills and goals beside it.
  void write_exchange(const Item& item);
  // Skills and goals, for the kinds that take them.
  void read_exchange(Item& item);
  Connection& conn_;
};

}  // namespace kring::store
