#include "social/item_moderators.h"

#include "social/policy.h"
#include "store/space_repository.h"

namespace kring::social {

bool moderates_item(store::Connection& conn, const Actor& actor, const Item& item) {
  if (actor.suspended) return false;
  if (!item.space_id) return actor.is_admin();
  store::SpaceRepository spaces(conn);
  auto membership = spaces.membership(*item.space_id, actor.id);
  if (may_moderate_space(actor, membership)) return true;
  if (!actor.is_admin()) return false;
  auto space = spaces.find_by_id(*item.space_id);
  return space && may_read_space_content(*space, membership);
}

}  // namespace kring::social
