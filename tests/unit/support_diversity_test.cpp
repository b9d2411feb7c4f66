// The diverse score: votes spread over communities count more than the same
// votes from one cluster, and voters outside the snapshot count as a
// community of one each.
#include "social/support_diversity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace kring::social {
namespace {

TEST(SupportDiversity, TheScoreIsTheSumOfSquareRootsOfEachCommunitysVotes) {
  EXPECT_DOUBLE_EQ(diverse_score(std::vector<std::int64_t>{}), 0);
  EXPECT_DOUBLE_EQ(diverse_score(std::vector<std::int64_t>{9}), 3);
  EXPECT_DOUBLE_EQ(diverse_score(std::vector<std::int64_t>{1, 1, 1, 1, 1, 1, 1, 1, 1}), 9);
  EXPECT_DOUBLE_EQ(diverse_score(std::vector<std::int64_t>{4, 1, 0}), 3);
}

TEST(SupportDiversity, SpreadSupportOutranksTheSameVotesFromOneCluster) {
  std::vector<VoterCommunity> clique(6, VoterCommunity(7));
  std::vector<VoterCommunity> spread = {1, 1, 1, 2, 2, 3};
  Support a = tally_support(clique);
  Support b = tally_support(spread);
  EXPECT_EQ(a.votes, 6);
  EXPECT_EQ(a.communities, 1);
  EXPECT_EQ(b.votes, 6);
  EXPECT_EQ(b.communities, 3);
  EXPECT_GT(b.diverse_score, a.diverse_score);
  // More votes still count: seven from the clique outrank six from it.
  std::vector<VoterCommunity> bigger(7, VoterCommunity(7));
  EXPECT_GT(tally_support(bigger).diverse_score, a.diverse_score);
}

TEST(SupportDiversity, AVoterOutsideTheSnapshotIsACommunityOfTheirOwn) {
  std::vector<VoterCommunity> voters = {std::nullopt, std::nullopt, 4, 4};
  Support s = tally_support(voters);
  EXPECT_EQ(s.votes, 4);
  EXPECT_EQ(s.communities, 3);
  EXPECT_DOUBLE_EQ(s.diverse_score, 2 + std::sqrt(2.0));
}

TEST(SupportDiversity, NoVotersNoSupport) {
  Support s = tally_support({});
  EXPECT_EQ(s.votes, 0);
  EXPECT_EQ(s.communities, 0);
  EXPECT_DOUBLE_EQ(s.diverse_score, 0);
}

}  // namespace
}  // namespace kring::social
