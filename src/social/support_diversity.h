#pragma once
// How widely an idea is supported across the network's communities (issue
// 10: a clique that pushes an idea up is seen for what it is). Pure
// functions over the voters' communities (the network snapshot's community
// assignment); the listing sorts `diverse` on diverse_score.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"

namespace kring::social {

// One voter's community in the network snapshot; nullopt when the voter is
// not in it (no ties yet, or joined after the snapshot). Such a voter counts
// as a community of their own: they are part of no cluster, so their
// support is as independent as it gets.
using VoterCommunity = std::optional<std::int64_t>;

struct Support {
  std::int64_t votes = 0;
  std::int64_t communities = 0;  // distinct communities among the voters
  double diverse_score = 0;      // diverse_score() of the votes per community
};

// The score of votes spread over communities: the sum over communities of
// the square root of that community's votes. Nine votes from one cluster
// score 3; nine from nine communities score 9; one vote scores 1 anywhere.
double diverse_score(std::span<const std::int64_t> votes_per_community);

// The support of one idea from its voters' communities, in any order.
Support tally_support(std::span<const VoterCommunity> voters);

// The diverse sort compares scores, and its cursor carries them, as this
// fixed point: the score times kDiverseKeyScale, rounded. Two ideas whose
// scores round alike tie, and the newer (higher id) comes first.
inline constexpr double kDiverseKeyScale = 1e6;
std::int64_t diverse_key(double score);

struct RankedItem {
  ItemId id = 0;
  std::int64_t key = 0;  // diverse_key of its score
};

// The `diverse` order's next page, found by a threshold scan: the best
// `size` items by (key desc, id desc) strictly after the cursor `after`
// (a key and an id), from candidates offered in the vote order (vote count
// desc, then id desc) with their keys.
//
// Why the scan may stop early: a score never exceeds the vote count, since
// sqrt(v) <= v for each community's v votes, so a candidate with v votes has
// a key of at most v * kDiverseKeyScale, and every later candidate has at
// most as many votes (and, on as many, a lower id). Once the page is full
// and that bound falls below the page's last item (or meets its key with a
// lower id), no later candidate can enter and open_to() says so: the page
// is exact, not an estimate, after reading only the candidates whose votes
// could still beat it. Items without votes score 0 and all come last, newest
// first.
class DiverseRanking {
 public:
  DiverseRanking(std::optional<CursorKey> after, std::size_t size);

  // Whether the candidate with this many votes and id, and so any later
  // one, could still enter the page.
  bool open_to(std::int64_t votes, ItemId id) const;
  // A candidate and its key; kept when it is after the cursor and among the
  // best so far.
  void offer(ItemId id, std::int64_t key);
  // The page so far, best first.
  const std::vector<RankedItem>& best() const { return best_; }

 private:
  std::optional<CursorKey> after_;
  std::size_t size_;
  std::vector<RankedItem> best_;
};

}  // namespace kring::social
