#pragma once
// Writes a planned fixture through the store repositories (the same calls
// `kring demo` makes), so the rows are exactly what the server writes.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "fixture_plan.h"
#include "store/database.h"

namespace kring::bench {

struct WrittenCommunity {
  std::vector<MemberId> member_ids;  // by plan index
  std::vector<SpaceId> space_ids;    // by plan index
  std::vector<std::string> handles;  // by plan index
  std::vector<std::string> slugs;    // by plan index
};

// Members, spaces, memberships, ties, the readers' mutes and blocks, in one
// transaction. REQUIRES: an empty, migrated database.
WrittenCommunity write_community(store::Connection& conn, const FixturePlan& plan);

struct WrittenItems {
  std::int64_t items = 0;
  std::vector<std::int64_t> per_member;  // items written, by plan index
  std::vector<std::int64_t> per_space;   // items drawn into it (before a reshape), by plan index
  std::string top_tag;
};

// Turns some of the items into other kinds as they are written (the items
// benchmark's ideas and reports, bench/items/civic_items.h), so every kind
// shares one pass in time order: ids must grow with created_at.
//   reshape  may change the drawn item (kind, title, body, space, place,
//            status); gets the author's plan index and the item's position
//            in [0, 1) of the fixture's time span
//   written  runs after the insert, in the same transaction (votes)
struct ItemShaper {
  std::function<void(Item& item, std::uint32_t author, double when, FixtureRandom& rng)> reshape;
  std::function<void(ItemId id, const Item& item, FixtureRandom& rng)> written;
};

// `count` items, oldest first (ids grow with created_at, as in production),
// in transactions of 100,000. progress gets the fraction of items written.
// Without a shaper the items are notes, articles and questions.
WrittenItems write_items(store::Connection& conn, const FixturePlan& plan,
                         const WrittenCommunity& community, std::int64_t count, FixtureRandom& rng,
                         const std::function<void(double)>& progress,
                         const ItemShaper& shaper = {});

}  // namespace kring::bench
