// The score of a match (src/social/match_scoring.h): the points it names,
// and which matches are strong enough to tell anyone.
#include "social/match_scoring.h"

#include <gtest/gtest.h>

namespace kring::social {
namespace {

TEST(MatchScoring, MemberPointsAddUpAsDocumented) {
  EXPECT_EQ(member_score(1, false, 0), 3);
  EXPECT_EQ(member_score(2, false, 0), 6);
  EXPECT_EQ(member_score(1, true, 0), 5);
  EXPECT_EQ(member_score(1, false, 1), 6);
  EXPECT_EQ(member_score(1, false, 2), 5);
  EXPECT_EQ(member_score(1, true, 2), 7);
  EXPECT_EQ(member_score(1, false, 3), 3);  // beyond friends of friends: no network points
}

TEST(MatchScoring, AFriendOutranksAFriendOfAFriend) {
  EXPECT_GT(network_points(1), network_points(2));
  EXPECT_GT(network_points(2), network_points(0));
}

TEST(MatchScoring, AStrongMemberMatchNeedsASkillAndNearnessOrCloseness) {
  EXPECT_TRUE(strong_member_match(1, true, 0));
  EXPECT_TRUE(strong_member_match(1, false, 1));
  EXPECT_TRUE(strong_member_match(1, false, 2));
  EXPECT_FALSE(strong_member_match(1, false, 0));
  EXPECT_FALSE(strong_member_match(3, false, 0));  // many skills, but a stranger far away
  EXPECT_FALSE(strong_member_match(0, true, 1));   // close, but without the skill
}

TEST(MatchScoring, ItemPointsAddUpAsDocumented) {
  EXPECT_EQ(item_score(1, 0, std::nullopt, false), 3);
  EXPECT_EQ(item_score(1, 1, 1.2, true), 3 + 1 + 2 + 1);
  EXPECT_EQ(item_score(0, 5, std::nullopt, false), kWordsCounted);  // words count up to three
  EXPECT_EQ(item_score(1, 0, kNearKm, false), 5);                   // at the edge is near
  EXPECT_EQ(item_score(1, 0, kNearKm + 0.1, false), 3);
}

TEST(MatchScoring, AStrongItemMatchNeedsASharedSkill) {
  EXPECT_TRUE(strong_item_match(1, 0, 1.0, false));
  EXPECT_TRUE(strong_item_match(1, 2, std::nullopt, false));
  EXPECT_FALSE(strong_item_match(1, 1, std::nullopt, false));
  EXPECT_FALSE(strong_item_match(0, 3, 0.5, true));  // 6 points of words and place, no skill
}

}  // namespace
}  // namespace kring::social
