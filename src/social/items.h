#pragma once
// Items: post, read, edit (history kept), delete. One API for every kind;
// the kind table (core/kinds.h) holds what differs.
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/exchange_fields.h"
#include "social/item_view.h"
#include "social/markdown.h"
#include "social/match_notices.h"
#include "social/notification_hub.h"
#include "store/database.h"
#include "store/item_repository.h"

namespace kring::social {

inline constexpr size_t kTitleMax = 200;
inline constexpr size_t kBodyMax = 20000;

struct NewItem {
  std::string kind;
  std::optional<std::string> space;  // slug
  std::optional<std::string> title;
  std::string body;
  std::optional<std::string> visibility;
  std::optional<ItemLocation> location;
  std::optional<std::string> category;
  ExchangeInput exchange;  // skills, times, capacity, goals, ... (social/exchange_fields.h)
};

struct ItemPatch {
  std::optional<std::string> title;
  std::optional<std::string> body;
  std::optional<std::string> visibility;
  // Outer empty: left as it is; inner empty (null in the request): removed.
  std::optional<std::optional<ItemLocation>> location;
  std::optional<std::optional<std::string>> category;
  ExchangeInput exchange;
};

class Items {
 public:
  Items(store::Database& db, NotificationHub& hub, MarkdownOptions markdown = {})
      : db_(db), hub_(hub), markdown_(markdown), match_notices_(db, hub) {}

  // A posted request or offer, and one whose skills change, tells its
  // strong matches (social/match_notices.h) once it is committed.
  Result<ItemView> create(const Actor& actor, const NewItem& item);
  // 404 unless the viewer may read it (one rule: store/item_visibility_sql.h).
  Result<ItemView> view(const Actor& viewer, ItemId id);
  // The author edits: 404 once they may no longer read the item (they left
  // its closed or secret space), 403 in a space they left or that is
  // archived. The previous text and visibility become a revision.
  Result<ItemView> update(const Actor& actor, ItemId id, const ItemPatch& patch);
  // The author (while they may read it), the space's moderators or an
  // instance admin.
  Status remove(const Actor& actor, ItemId id);
  // 404 unless the viewer may read the item; then the revisions the viewer
  // could have read when each was current, newest first, keyset-paged on
  // revision id.
  Result<Page<store::ItemRevision>> history(const Actor& viewer, ItemId id,
                                            const PageRequest& request);
  // Space moderators (for items in their space) and admins hide and unhide.
  Status set_hidden(const Actor& actor, ItemId id, bool hidden);

 private:
  store::Database& db_;
  NotificationHub& hub_;
  MarkdownOptions markdown_;
  MatchNotices match_notices_;
};

// Parses an item id from a path; 404 for anything that is not one.
Result<ItemId> parse_item_id(const std::string& text);

}  // namespace kring::social
