#pragma once
// How widely an idea is supported across the network's communities (issue
// 10: a clique that pushes an idea up is seen for what it is). Pure
// functions over the voters' communities (the network snapshot's community
// assignment); the listing sorts `diverse` on diverse_score.

#include <cstdint>
#include <optional>
#include <span>

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

}  // namespace kring::social
