#include "social/organisers.h"

#include "social/capabilities.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/organiser_repository.h"

namespace kring::social {

bool has_organisers(const ItemKindRule& kind) {
  for (const auto& t : kind.transitions) {
    if (t.by.contains(Standing::kOrganiser)) return true;
  }
  return false;
}

Result<ItemView> Organisers::set(const Actor& actor, ItemId id, const std::string& handle,
                                 bool on) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  const std::string no_item = "no item " + std::to_string(id);
  if (!item) return refuse_missing(actor, Action::kSetOrganiser, no_item);
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || !has_organisers(*kind)) {
    return Error::conflict("no_organisers", "a " + item->kind + " has no co-organisers");
  }
  StandingCache standing(*conn, actor);
  Resource r = standing.content(item->author_id, item->space_id);
  r.not_found = no_item;
  KRING_TRY(decide(actor, Action::kSetOrganiser, r));
  auto member = store::MemberRepository(*conn).find_by_handle(handle);
  if (!member || member->suspended) {
    return Error::not_found("no member with handle '" + handle + "'");
  }
  if (member->id == item->author_id) {
    return Error::invalid("invalid_organiser", "the author organises their item already");
  }
  store::OrganiserRepository organisers(*conn);
  if (on) {
    if (!items.readable(id, member->id)) {
      return Error::invalid("invalid_organiser", "@" + handle + " cannot read this item");
    }
    organisers.add(id, member->id, now_micros());
  } else {
    organisers.remove(id, member->id);
  }
  ItemView view = view_item(*conn, actor.id, std::move(*item));
  fill_can(standing, view);
  tx.commit();
  return view;
}

}  // namespace kring::social
