#pragma once
// An initiative's or event's co-organisers besides its author (table
// item_organisers, migration 16): who holds the kind table's kOrganiser
// standing on it with the author.
//
// REQUIRES: the caller holds a transaction on conn (a write one to change).

#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/time.h"
#include "store/database.h"

namespace kring::store {

class OrganiserRepository {
 public:
  explicit OrganiserRepository(Connection& conn) : conn_(conn) {}

  // True when the member was not an organiser yet.
  bool add(ItemId item, MemberId member, Micros at);
  // True when the member was one.
  bool remove(ItemId item, MemberId member);
  bool is_organiser(ItemId item, MemberId member);
  // In the order they were added.
  std::vector<MemberId> organisers(ItemId item);

 private:
  Connection& conn_;
};

}  // namespace kring::store
