#pragma once
// Co-organisers of an item whose kind's workflow names organisers (an
// initiative, an event: core/kinds.h kOrganiser): the author adds and
// removes them (PUT and DELETE /api/v1/items/{id}/organisers/{handle});
// they then hold the organiser standing on it with the author (status
// moves, confirming contributions). An organiser must be able to read the
// item. Thread-safe: every call leases its own connection.

#include <string>

#include "core/kinds.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "store/database.h"

namespace kring::social {

// Whether some transition of the kind names organisers.
bool has_organisers(const ItemKindRule& kind);

class Organisers {
 public:
  explicit Organisers(store::Database& db) : db_(db) {}

  // Adds (`on`) or removes the member as co-organiser; idempotent both
  // ways. In order: 404 (401 to a visitor) unless the actor may read the
  // item; 409 no_organisers for a kind without them; the policy's 403
  // unless the actor is the item's author (not suspended, still a member
  // where it is); 404 for a handle of no active member; 400
  // invalid_organiser for the author themself, or, when adding, a member
  // who may not read the item. Returns the item as the actor now sees it.
  Result<ItemView> set(const Actor& actor, ItemId item, const std::string& handle, bool on);

 private:
  store::Database& db_;
};

}  // namespace kring::social
