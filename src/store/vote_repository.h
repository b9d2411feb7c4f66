#pragma once
// Votes on items (item_votes): at most one per member per item, kept by the
// table's primary key, so two requests at once still make one vote. Runs
// inside the caller's transaction; whether the member may vote, and on what,
// is the caller's (social/votes.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

struct VoteSummary {
  std::int64_t count = 0;  // votes by members who are not suspended
  bool voted = false;      // the viewer's own vote counts among them
};

// One vote as the support counts see it: whose, on which item.
struct ItemVoter {
  ItemId item = 0;
  MemberId member = 0;
};

class VoteRepository {
 public:
  explicit VoteRepository(Connection& conn) : conn_(conn) {}

  // True when the vote is new; a second vote is no vote. REQUIRES: a write transaction.
  bool put(ItemId item, MemberId member, Micros now);
  // True when there was a vote to withdraw. REQUIRES: a write transaction.
  bool remove(ItemId item, MemberId member);
  // `viewer` 0: a visitor, who has voted on nothing.
  VoteSummary summary(ItemId item, MemberId viewer);
  bool has(ItemId item, MemberId member);
  // The voters of these items who are not suspended (those whom
  // VoteSummary::count counts), in one query for a whole page of items,
  // ordered by item. Ids may repeat; unknown ones have no voters. Takes
  // O(votes) time: a row per vote on the items.
  std::vector<ItemVoter> voters_of(std::vector<ItemId> items);
  // The member's votes on the space's items of `kind` at `status` that are
  // neither deleted nor hidden (a vote limit's count: social/votes.h).
  std::int64_t count_at_status(MemberId member, SpaceId space, const std::string& kind,
                               std::string_view status);

 private:
  Connection& conn_;
};

}  // namespace kring::store
