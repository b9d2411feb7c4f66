#pragma once
// The items benchmark's ideas and reports (issue 10), written among the feed
// fixture's notes in one pass (bench/store/fixture_writer.h, ItemShaper):
// of all items 30% ideas, 30% reports, the rest notes, articles and
// questions as in the feed fixture.
//   reports  all with a place and a category; 55% addressed to the
//            municipality's space (the city of Utrecht), the rest to one of
//            the author's spaces, anywhere in the Netherlands; statuses by
//            age (old ones mostly solved, won't fix or duplicate);
//   ideas    35% to the municipality, 55% to one of the author's spaces
//            (any visibility), 10% on the author's profile; 40% with a
//            place, half with a category; most open, older ones decided;
//            votes Pareto-distributed (most none, a few hundreds), cast by
//            members of the idea's space through item_votes, whose
//            triggers keep items.vote_count.
// Titles name a street ("Kapotte lantaarnpaal aan de Kanaalstraat"), so the
// duplicate check's text search meets realistic repetition.

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "fixture_writer.h"
#include "store/database.h"

namespace kring::bench {

struct CivicCounts {
  std::int64_t ideas = 0;
  std::int64_t reports = 0;
  std::int64_t located = 0;
  std::int64_t votes = 0;
  std::int64_t municipality_ideas = 0;
  std::int64_t municipality_reports = 0;
};

class CivicItems {
 public:
  // municipality: plan index of the municipality's (open) space.
  // conn: where the votes go, the connection write_items writes on.
  CivicItems(const FixturePlan& plan, const WrittenCommunity& community,
             std::uint32_t municipality, store::Connection& conn);

  // Valid while this object lives.
  ItemShaper shaper();
  const CivicCounts& counts() const { return counts_; }

 private:
  void reshape(Item& item, std::uint32_t author, double when, FixtureRandom& rng);
  void vote(ItemId id, const Item& item, FixtureRandom& rng);
  // The space the item goes to (plan index), or none for the author's profile.
  std::optional<std::uint32_t> space_for(bool report, std::uint32_t author, FixtureRandom& rng);

  const FixturePlan& plan_;
  const WrittenCommunity& community_;
  std::uint32_t municipality_;
  store::Connection& conn_;
  std::unordered_map<SpaceId, std::uint32_t> space_index_;
  CivicCounts counts_;
};

}  // namespace kring::bench
