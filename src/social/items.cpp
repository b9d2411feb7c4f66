#include "social/items.h"

#include <charconv>

#include "core/kinds.h"
#include "core/validation.h"
#include "social/capabilities.h"
#include "social/events.h"
#include "social/markdown.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

Error no_item(const Actor& actor, Action action, ItemId id) {
  return refuse_missing(actor, action, "no item " + std::to_string(id));
}

// The actor's standing toward an item, loading its space into `space`.
Resource content_resource(store::Connection& conn, const Actor& actor, const Item& item,
                          std::optional<Space>& space, bool readable = true) {
  std::optional<Membership> m;
  if (item.space_id) {
    store::SpaceRepository spaces(conn);
    space = spaces.find_by_id(*item.space_id);
    if (space) m = spaces.membership(space->id, actor.id);
  }
  Resource r = Resource::of_content(actor, item.author_id, space, m);
  r.visible = readable;
  r.not_found = "no item " + std::to_string(item.id);
  return r;
}

constexpr std::size_t kAddressMax = 512;

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The kind table decides which fields a kind takes and needs. A field the
// kind does not take is refused when a request gives it (`given`), so an
// edit that leaves an older item's text alone is not refused for it.
Status check_fields(const ItemKindRule& rule, const std::optional<std::string>& given_title) {
  if (given_title && !blank(*given_title) && !rule.takes(ItemField::kTitle)) {
    return Error::invalid("unknown_field", "a " + std::string(rule.kind) + " takes no title");
  }
  return {};
}

// Place and category, as the kind table says: given to a kind that does not
// take them, off the globe, outside the category list, or missing where the
// kind needs them, each refused before anything is written.
Status check_place(const ItemKindRule& rule, const std::optional<ItemLocation>& location,
                   const std::optional<std::string>& category) {
  const std::string kind(rule.kind);
  if (location && !rule.takes(ItemField::kLocation)) {
    return Error::invalid("unknown_field", "a " + kind + " takes no location");
  }
  if (category && !rule.takes(ItemField::kCategory)) {
    return Error::invalid("unknown_field", "a " + kind + " takes no category");
  }
  if (location) {
    if (!on_globe(location->lat, location->lon)) {
      return Error::invalid("invalid_location",
                            "location needs lat in -90..90 and lon in -180..180");
    }
    KRING_TRY(validate_text("address", location->address, kAddressMax, false));
  }
  if (category && !is_item_category(*category)) {
    std::string known;
    for (auto c : item_categories()) known += (known.empty() ? "" : ", ") + std::string(c);
    return Error::invalid("unknown_category", "category must be one of: " + known);
  }
  if (rule.requires_field(ItemField::kLocation) && !location) {
    return Error::invalid("missing_field", kind + " needs a location");
  }
  if (rule.requires_field(ItemField::kCategory) && !category) {
    return Error::invalid("missing_field", kind + " needs a category");
  }
  return {};
}

Status check_text(const std::optional<std::string>& title, const std::string* body,
                  const ItemKindRule& rule) {
  if (title) KRING_TRY(validate_text("title", *title, kTitleMax, false));
  if (rule.requires_field(ItemField::kTitle) && (!title || blank(*title))) {
    return Error::invalid("missing_field", std::string(rule.kind) + " needs a title");
  }
  if (body) {
    KRING_TRY(validate_text("body", *body, kBodyMax, true));
    if (blank(*body)) return Error::invalid("empty_body", "body must not be empty");
  }
  return {};
}

// The visibility asked for, if the policy allows it where the item is posted.
Result<ItemVisibility> choose_visibility(const std::optional<std::string>& requested,
                                         const std::optional<Space>& space) {
  ItemVisibility v = default_visibility(space);
  if (requested) {
    auto parsed = parse_item_visibility(*requested);
    if (!parsed) {
      return Error::invalid("invalid_visibility",
                            "visibility must be public, members, space or connections");
    }
    v = *parsed;
  }
  KRING_TRY(check_visibility(space, v));
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
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  std::optional<Space> space;
  Resource where;
  if (in.space) {
    store::SpaceRepository spaces(*conn);
    space = spaces.find_by_slug(*in.space);
    where = space ? Resource::of_space(*space, spaces.membership(space->id, actor.id))
                  : Resource::missing("no space with slug '" + *in.space + "'");
  }
  KRING_TRY(decide(actor, Action::kPostItem, where));
  const ItemKindRule* rule = find_item_kind(in.kind);
  if (!rule) {
    std::string known;
    for (const auto& k : item_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.kind);
    return Error::invalid("unknown_kind", "kind must be one of: " + known);
  }
  KRING_TRY(check_fields(*rule, in.title));
  KRING_TRY(check_text(in.title, &in.body, *rule));
  KRING_TRY(check_place(*rule, in.location, in.category));
  auto rendered = render_markdown(in.body, markdown_);
  if (!rendered) return std::move(rendered).error();
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
  item.location = in.location;
  item.category = in.category;
  item.created_at = now_micros();
  KRING_TRY(apply_exchange_fields(*rule, in.exchange, item.created_at, item));
  auto mentioned = resolve_mentions(*conn, rendered->mentions);
  store::ItemRepository items(*conn);
  item.id = items.insert(item, mentioned);
  Notifier notifier(*conn, hub_);
  notifier.notify({.kinds = {NotificationKind::kMention},
                   .actor = actor.id,
                   .item = item.id,
                   .mentions = rendered->mentions});
  auto stored = items.find(item.id);
  ItemView view = view_item(*conn, actor.id, std::move(*stored));
  StandingCache standing(*conn, actor);
  fill_can(standing, view);
  tx.commit();
  notifier.publish();
  match_notices_.tell(item.id);
  return view;
}

Result<ItemView> Items::view(const Actor& viewer, ItemId id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, viewer.id)) item = items.find(id);
  if (!item) return no_item(viewer, Action::kViewItem, id);
  KRING_TRY(decide(viewer, Action::kViewItem));
  ItemView view = view_item(*conn, viewer.id, std::move(*item));
  StandingCache standing(*conn, viewer);
  fill_can(standing, view);
  return view;
}

Result<ItemView> Items::update(const Actor& actor, ItemId id, const ItemPatch& patch) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  std::optional<Item> before;
  if (items.readable(id, actor.id)) before = items.find(id);
  // Editing is writing in the space: a member who left an open space
  // still reads their public item there, but no longer writes in it.
  if (!before) return no_item(actor, Action::kEditItem, id);
  std::optional<Space> space;
  KRING_TRY(decide(actor, Action::kEditItem, content_resource(*conn, actor, *before, space)));
  const ItemKindRule* rule = find_item_kind(before->kind);
  KRING_TRY(check_fields(*rule, patch.title));
  Item after = *before;
  if (patch.title) after.title = *patch.title;
  if (patch.body) after.body = *patch.body;
  std::optional<std::string> title = after.title.empty() ? std::nullopt : std::optional(after.title);
  KRING_TRY(check_text(title, &after.body, *rule));
  if (patch.location) after.location = *patch.location;
  if (patch.category) after.category = *patch.category;
  if (patch.location || patch.category) {
    KRING_TRY(check_place(*rule, after.location, after.category));
  }
  KRING_TRY(apply_exchange_fields(*rule, patch.exchange, now_micros(), after));
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
  Notifier notifier(*conn, hub_);
  // A larger capacity (or none) lets those waiting move up; a smaller one
  // sends nobody who is going away.
  if (rule->takes_rsvps) promote_waitlisted(*conn, notifier, *stored, actor.id);
  ItemView view = view_item(*conn, actor.id, std::move(*stored));
  StandingCache standing(*conn, actor);
  fill_can(standing, view);
  tx.commit();
  notifier.publish();
  if (patch.exchange.skills) match_notices_.tell(id);
  return view;
}

Status Items::remove(const Actor& actor, ItemId id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  auto item = items.find(id);
  if (!item) return no_item(actor, Action::kDeleteItem, id);
  std::optional<Space> space;
  KRING_TRY(decide(actor, Action::kDeleteItem,
                   content_resource(*conn, actor, *item, space, items.readable(id, actor.id))));
  items.soft_delete(id, now_micros());
  tx.commit();
  return {};
}

Result<Page<store::ItemRevision>> Items::history(const Actor& viewer, ItemId id,
                                                 const PageRequest& request) {
  auto pager = Pager::open(list_name({"history", std::to_string(id)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::ItemRepository items(*conn);
  if (!items.readable(id, viewer.id)) return no_item(viewer, Action::kViewItemHistory, id);
  KRING_TRY(decide(viewer, Action::kViewItemHistory));
  return pager->page(
      items.revisions(id, viewer.id, pager->after(), pager->fetch()),
      [](const store::ItemRevision& r) {
        return CursorKey{0, r.id};
      },
      [](store::ItemRevision&& r) { return std::move(r); });
}

Status Items::set_hidden(const Actor& actor, ItemId id, bool hidden) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  const Action action = hidden ? Action::kHideItem : Action::kUnhideItem;
  auto item = items.find(id);
  if (!item) return no_item(actor, action, id);
  std::optional<Space> space;
  KRING_TRY(decide(actor, action,
                   content_resource(*conn, actor, *item, space, items.readable(id, actor.id))));
  items.set_hidden(id, hidden ? std::optional<Micros>(now_micros()) : std::nullopt);
  tx.commit();
  return {};
}

}  // namespace kring::social
