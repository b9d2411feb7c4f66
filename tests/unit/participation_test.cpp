// The participation ladder (social/reputation.h): each act puts a member on
// its rung, the highest rung wins, and sign-ins alone tell a spectator from
// an inactive member.
#include <gtest/gtest.h>

#include "social/reputation.h"

namespace kring::social {
namespace {

using store::Act;

std::array<bool, store::kActCount> acts(std::initializer_list<Act> done) {
  std::array<bool, store::kActCount> out{};
  for (Act a : done) out[static_cast<std::size_t>(a)] = true;
  return out;
}

TEST(Participation, EachActPutsAMemberOnItsRung) {
  const std::pair<Act, ParticipationType> cases[] = {
      {Act::kPostItem, ParticipationType::kCreator},
      {Act::kReply, ParticipationType::kCritic},
      {Act::kReact, ParticipationType::kCollector},
      {Act::kVote, ParticipationType::kCollector},
      {Act::kFollowItem, ParticipationType::kCollector},
      {Act::kJoinSpace, ParticipationType::kJoiner},
      {Act::kTie, ParticipationType::kJoiner},
      {Act::kRsvp, ParticipationType::kJoiner},
      {Act::kPledge, ParticipationType::kJoiner},
      {Act::kSignIn, ParticipationType::kSpectator},
  };
  static_assert(std::size(cases) == store::kActCount, "every act has a rung");
  for (auto [act, type] : cases) {
    EXPECT_EQ(participation_type(acts({act})), type) << static_cast<int>(act);
  }
}

TEST(Participation, NothingAtAllIsInactive) {
  EXPECT_EQ(participation_type(acts({})), ParticipationType::kInactive);
}

TEST(Participation, TheHighestRungWins) {
  EXPECT_EQ(
      participation_type(acts({Act::kSignIn, Act::kTie, Act::kReact, Act::kReply, Act::kPostItem})),
      ParticipationType::kCreator);
  EXPECT_EQ(participation_type(acts({Act::kSignIn, Act::kJoinSpace, Act::kVote, Act::kReply})),
            ParticipationType::kCritic);
  EXPECT_EQ(participation_type(acts({Act::kSignIn, Act::kRsvp, Act::kFollowItem})),
            ParticipationType::kCollector);
  EXPECT_EQ(participation_type(acts({Act::kSignIn, Act::kPledge})), ParticipationType::kJoiner);
}

TEST(Participation, TypesHaveTheLaddersNames) {
  EXPECT_EQ(to_name(ParticipationType::kCreator), "creator");
  EXPECT_EQ(to_name(ParticipationType::kInactive), "inactive");
  EXPECT_EQ(from_name<ParticipationType>("joiner"), ParticipationType::kJoiner);
}

}  // namespace
}  // namespace kring::social
