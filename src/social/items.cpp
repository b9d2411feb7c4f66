#include "social/items.h"

#include <charconv>

#include "core/validation.h"
#include "social/markdown.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

Error no_item(ItemId id) { return Error::not_found("no item " + std::to_string(id)); }

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

Status check_text(const std::optional<std::string>& title, const std::string* body,
                  const ItemKindRule& rule) {
  if (title) KRING_TRY(validate_text("title", *title, kTitleMax, false));
  if (rule.title_required && (!title || blank(*title))) {
    return Error::invalid("missing_field", std::string(rule.kind) + " needs a title");
  }
  if (body) {
    KRING_TRY(validate_text("body", *body, kBodyMax, true));
    if (blank(*body)) return Error::invalid("empty_body", "body must not be empty");
  }
  return {};
}

// Which visibilities an item may have where it is posted.
Result<ItemVisibility> choose_visibility(const std::optional<std::string>& requested,
                                         const std::optional<Space>& space) {
  ItemVisibility v = space ? ItemVisibility::kSpace : ItemVisibility::kPublic;
  if (requested) {
    auto parsed = parse_item_visibility(*requested);
    if (!parsed) {
      return Error::invalid("invalid_visibility",
                            "visibility must be public, members, space or connections");
    }
    v = *parsed;
  }
  if (!space && v == ItemVisibility::kSpace) {
    return Error::invalid("invalid_visibility", "visibility 'space' needs a space");
  }
  if (space && v == ItemVisibility::kConnections) {
    return Error::invalid("invalid_visibility", "items in a space cannot be for connections only");
  }
  if (space && space->visibility != SpaceVisibility::kOpen && v != ItemVisibility::kSpace) {
    return Error::invalid("invalid_visibility",
                          "items in a closed or secret space are for its members only");
  }
  return v;
}

std::vector<MemberId> resolve_mentions(store::Connection& conn,
                                       const std::vector<std::string>& handles) {
  std::vector<MemberId> ids;
  store::MemberRepository members(conn);
  for (const auto& h : handles) {
    if (auto m = members.find_by_handle(h); m && !m->suspended) ids.push_back(m->id);
  }
  return ids;
}

}  // namespace

Result<ItemId> parse_item_id(const std::string& text) {
  ItemId id = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || id <= 0) {
    return Error::not_found("no item '" + text.substr(0, 40) + "'");
  }
  return id;
}

Result<ItemView> Items::create(const Actor& actor, const NewItem& in) {
  KRING_TRY(authorize(actor, Action::kPostItem));
  const ItemKindRule* rule = find_item_kind(in.kind);
  if (!rule) {
    std::string known;
    for (const auto& k : item_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.kind);
    return Error::invalid("unknown_kind", "kind must be one of: " + known);
  }
  KRING_TRY(check_text(in.title, &in.body, *rule));
  auto rendered = render_markdown(in.body, markdown_);
  if (!rendered) return std::move(rendered).error();

  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  std::optional<Space> space;
  if (in.space) {
    store::SpaceRepository spaces(*conn);
    space = spaces.find_by_slug(*in.space);
    std::optional<Membership> m;
    if (space) m = spaces.membership(space->id, actor.id);
    if (!space || !may_see_space(*space, m)) {
      return Error::not_found("no space with slug '" + *in.space + "'");
    }
    if (!may_contribute_to_space(actor, *space, m)) {
      return Error::forbidden(space->archived ? "this space is archived"
                                              : "only members may post in this space");
    }
  }
  auto visibility = choose_visibility(in.visibility, space);
  if (!visibility) return std::move(visibility).error();
  Item item;
  item.kind = std::string(rule->kind);
  item.author_id = actor.id;
  if (space) item.space_id = space->id;
  item.visibility = *visibility;
  item.title = in.title.value_or("");
  item.body = in.body;
  item.html = rendered->html;
  item.status = std::string(rule->initial_status);
  item.tags = rendered->tags;
  item.created_at = now_micros();
  auto mentioned = resolve_mentions(*conn, rendered->mentions);
  store::ItemRepository items(*conn);
  item.id = items.insert(item, mentioned);
  Notifier notifier(*conn, hub_);
  for (MemberId m : mentioned) notifier.add(NotificationKind::kMention, m, actor.id, item.id);
  auto stored = items.find(item.id);
  ItemView view = view_item(*conn, actor.id, std::move(*stored));
  tx.commit();
  notifier.publish();
  return view;
}

Result<ItemView> Items::view(const Actor& viewer, ItemId id) {
  KRING_TRY(authorize(viewer, Action::kViewItem));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::ItemRepository items(*conn);
  if (!items.readable(id, viewer.id)) return no_item(id);
  auto item = items.find(id);
  if (!item) return no_item(id);
  return view_item(*conn, viewer.id, std::move(*item));
}

Result<ItemView> Items::update(const Actor& actor, ItemId id, const ItemPatch& patch) {
  KRING_TRY(authorize(actor, Action::kEditItem));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  if (!items.readable(id, actor.id)) return no_item(id);
  auto before = items.find(id);
  if (!before) return no_item(id);
  if (before->author_id != actor.id) return Error::forbidden("only the author may edit an item");
  const ItemKindRule* rule = find_item_kind(before->kind);
  Item after = *before;
  if (patch.title) after.title = *patch.title;
  if (patch.body) after.body = *patch.body;
  std::optional<std::string> title = after.title.empty() ? std::nullopt : std::optional(after.title);
  KRING_TRY(check_text(title, &after.body, *rule));
  std::optional<Space> space;
  if (after.space_id) {
    // Editing is writing in the space: a member who left an open space
    // still reads their public item there, but no longer writes in it.
    store::SpaceRepository spaces(*conn);
    space = spaces.find_by_id(*after.space_id);
    if (!space || !may_contribute_to_space(actor, *space, spaces.membership(space->id, actor.id))) {
      return Error::forbidden(space && space->archived
                                  ? "this space is archived"
                                  : "only members may edit items in this space");
    }
  }
  if (patch.visibility) {
    auto v = choose_visibility(patch.visibility, space);
    if (!v) return std::move(v).error();
    after.visibility = *v;
  }
  auto rendered = render_markdown(after.body, markdown_);
  if (!rendered) return std::move(rendered).error();
  after.html = rendered->html;
  after.tags = rendered->tags;
  items.update_text(*before, after, now_micros());
  auto stored = items.find(id);
  ItemView view = view_item(*conn, actor.id, std::move(*stored));
  tx.commit();
  return view;
}

namespace {
// Author, the item's space moderators, or an instance admin.
bool may_remove_item(store::Connection& conn, const Actor& actor, const Item& item) {
  if (item.author_id == actor.id || actor.is_admin()) return true;
  if (!item.space_id) return false;
  return may_moderate_space(actor,
                            store::SpaceRepository(conn).membership(*item.space_id, actor.id));
}
}  // namespace

Status Items::remove(const Actor& actor, ItemId id) {
  KRING_TRY(authorize(actor, Action::kDeleteItem));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  auto item = items.find(id);
  bool moderator = item && may_remove_item(*conn, actor, *item) && item->author_id != actor.id;
  if (!item || (!items.readable(id, actor.id) && !moderator)) return no_item(id);
  if (!may_remove_item(*conn, actor, *item)) {
    return Error::forbidden("only the author or the space's moderators may delete this item");
  }
  items.soft_delete(id, now_micros());
  tx.commit();
  return {};
}

Result<Page<store::ItemRevision>> Items::history(const Actor& viewer, ItemId id,
                                                 const PageRequest& request) {
  KRING_TRY(authorize(viewer, Action::kViewItemHistory));
  auto pager = Pager::open(list_name({"history", std::to_string(id)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::ItemRepository items(*conn);
  if (!items.readable(id, viewer.id)) return no_item(id);
  return pager->page(
      items.revisions(id, viewer.id, pager->after(), pager->fetch()),
      [](const store::ItemRevision& r) {
        return CursorKey{0, r.id};
      },
      [](store::ItemRevision&& r) { return std::move(r); });
}

Status Items::set_hidden(const Actor& actor, ItemId id, bool hidden) {
  KRING_TRY(authorize(actor, hidden ? Action::kHideItem : Action::kUnhideItem));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  auto item = items.find(id);
  if (!item) return no_item(id);
  bool moderator =
      actor.is_admin() ||
      (item->space_id && may_moderate_space(actor, store::SpaceRepository(*conn).membership(
                                                       *item->space_id, actor.id)));
  if (!moderator) {
    if (!items.readable(id, actor.id)) return no_item(id);
    return Error::forbidden("only the space's moderators may hide items");
  }
  items.set_hidden(id, hidden ? std::optional<Micros>(now_micros()) : std::nullopt);
  tx.commit();
  return {};
}

}  // namespace kring::social
