#pragma once
// The contribution economy in the demo (issue 11): Lombok's neighbourhood
// exchange, an open space where residents ask for help and offer it, lend
// and give things, run initiatives with goals in time, money and items, and
// meet at events.
//
// Planned here, written by load_demo_content (demo_content.h) in time
// order with everything else, as the civic part is (demo_civic.h): the
// space among the spaces, its requests, offers, initiatives and events
// among the posts; then write_exchange_rows adds the co-organisers,
// contributions, RSVPs and loans, each table in time order.
//
// What it holds, and why each is consistent with the kind table:
// - Requests whose skills are skills of the space's members, each with a
//   member's help offer of the same skill nearby (what matching finds);
//   one done, with the helper's hours confirmed by the asker.
// - Lending: an item lent and overdue, one lent and due soon, one
//   reserved, one returned and offered again (available), one returned
//   (returned); the item's status is what its open loan says (reserved
//   without lent_at, lent with it) or, with none open, what the last
//   return left.
// - An initiative underway (no minimum: its organisers started it), part
//   way to goals in time, money and items, with pledged, delivered,
//   confirmed and one declined contribution; confirmed and declined ones
//   carry decided_at and decided_by (the author or a co-organiser, never
//   the giver); and an open one with a deadline and minimum, pledges only.
// - Past events with check-ins and a waitlist, coming ones with RSVPs, one
//   full with a waitlist: going places (1 + guests) never exceed the
//   capacity, and members wait only at an event that is full.
// Items keep the status their history reached; the history is in the
// loans, contributions and RSVPs, not in status changes (the civic part
// owns the status-change ids' time order).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/space.h"
#include "social/demo/demo_content.h"
#include "store/database.h"
#include "store/demo_exchange_rows.h"

namespace kring::social::demo {

struct ExchangeMembership {
  MemberId member = 0;
  SpaceRole role = SpaceRole::kMember;
  Micros since = 0;
};

// A row of the plan that hangs off an item: `item` is an index into
// ExchangePlan::items, whose id the row gets once written.
template <typename Row>
struct ItemRow {
  size_t item = 0;
  Row row;
};

struct ExchangePlan {
  Space space;  // open; slug and id set when written
  Micros founded = 0;
  std::vector<ExchangeMembership> members;  // the owner first, then the moderator
  std::vector<Item> items;                  // id 0 until written; not in time order
  std::vector<ItemRow<store::OrganiserRow>> organisers;
  std::vector<ItemRow<store::ContributionRow>> contributions;  // receiver: the item's author
  std::vector<ItemRow<store::RsvpRow>> rsvps;
  std::vector<ItemRow<store::LoanRow>> loans;
};

// The plan for `members` (ordered by joined_at, the instance admin and the
// analyst first, who stay out of the space) up to `now`; nullopt when the
// demo is too small for it (fewer than twelve well-connected members who
// joined before the space was founded, or fewer than three skills among
// them). Deterministic for a seed. Throws std::logic_error when the plan
// breaks a rule it promises above: a bug in the script, not in the data.
std::optional<ExchangePlan> plan_exchange(const std::vector<DemoMember>& members, Micros now,
                                          std::uint64_t seed);

// Writes the co-organisers, contributions, RSVPs and loans, each in time
// order. REQUIRES: inside a write transaction on conn; the space and every
// item of the plan written (ids set).
ExchangeSummary write_exchange_rows(store::Connection& conn, const ExchangePlan& plan);

}  // namespace kring::social::demo
