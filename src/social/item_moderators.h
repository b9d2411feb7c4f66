#pragma once
// Who moderates an item and its replies (hides them, deletes what others
// wrote): the hosts of its space, and instance admins outside spaces and in
// spaces whose content they may read. A closed or secret space's discussion
// is its hosts' alone: to an admin who is no member there it stays as
// invisible as to anyone else, so acting on it answers 404, as reading it
// does. False for a suspended actor, whatever their role.

#include "core/item.h"
#include "social/actor.h"
#include "store/database.h"

namespace kring::social {

bool moderates_item(store::Connection& conn, const Actor& actor, const Item& item);

}  // namespace kring::social
