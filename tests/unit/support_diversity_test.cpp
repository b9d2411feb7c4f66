// The diverse score: votes spread over communities count more than the same
// votes from one cluster, and voters outside the snapshot count as a
// community of one each. The diverse order's threshold scan gives the pages
// that sorting every item would.
#include "social/support_diversity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
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

TEST(SupportDiversity, TheKeyIsTheScoreInMillionthsRounded) {
  EXPECT_EQ(diverse_key(0), 0);
  EXPECT_EQ(diverse_key(3), 3'000'000);
  EXPECT_EQ(diverse_key(std::sqrt(2.0)), 1'414'214);
}

struct Candidate {
  ItemId id;
  std::int64_t votes;
  std::int64_t key;  // its score's key, at most diverse_key(votes)
};

// Pages of the diverse order by the threshold scan, as the listing reads
// them: candidates in the vote order, until open_to() says stop. `read`
// counts the candidates looked at.
std::vector<RankedItem> scan(const std::vector<Candidate>& by_votes, std::optional<CursorKey> after,
                             std::size_t size, std::size_t* read = nullptr) {
  DiverseRanking ranking(after, size);
  std::size_t n = 0;
  for (const Candidate& c : by_votes) {
    if (!ranking.open_to(c.votes, c.id)) break;
    ++n;
    ranking.offer(c.id, c.key);
  }
  if (read) *read = n;
  return ranking.best();
}

std::vector<Candidate> in_vote_order(std::vector<Candidate> items) {
  std::sort(items.begin(), items.end(), [](const Candidate& a, const Candidate& b) {
    return a.votes != b.votes ? a.votes > b.votes : a.id > b.id;
  });
  return items;
}

std::vector<RankedItem> in_diverse_order(const std::vector<Candidate>& items) {
  std::vector<RankedItem> out;
  for (const Candidate& c : items) out.push_back({c.id, c.key});
  std::sort(out.begin(), out.end(), [](const RankedItem& a, const RankedItem& b) {
    return a.key != b.key ? a.key > b.key : a.id > b.id;
  });
  return out;
}

// Items with random voters in random communities, some without votes, some
// of them tied.
std::vector<Candidate> random_items(std::mt19937& rng, int count) {
  std::vector<Candidate> items;
  std::uniform_int_distribution<int> votes_of(0, 12);
  std::uniform_int_distribution<int> community_of(0, 3);
  for (int i = 1; i <= count; ++i) {
    int votes = votes_of(rng) < 3 ? 0 : votes_of(rng);
    std::vector<VoterCommunity> voters;
    for (int v = 0; v < votes; ++v) voters.push_back(community_of(rng));
    items.push_back({i, votes, diverse_key(tally_support(voters).diverse_score)});
  }
  return items;
}

TEST(SupportDiversity, TheThresholdScanPagesExactlyAsAFullSort) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    auto items = random_items(rng, 1 + round * 3);
    auto expected = in_diverse_order(items);
    auto by_votes = in_vote_order(items);
    for (std::size_t size : {1, 2, 5, 20}) {
      std::vector<RankedItem> paged;
      std::optional<CursorKey> after;
      for (;;) {
        auto page = scan(by_votes, after, size);
        paged.insert(paged.end(), page.begin(), page.end());
        if (page.size() < size) break;
        after = CursorKey{page.back().key, page.back().id};
      }
      ASSERT_EQ(paged.size(), expected.size()) << "round " << round << " size " << size;
      for (std::size_t i = 0; i < paged.size(); ++i) {
        EXPECT_EQ(paged[i].id, expected[i].id) << "round " << round << " at " << i;
        EXPECT_EQ(paged[i].key, expected[i].key);
      }
    }
  }
}

TEST(SupportDiversity, TheScanStopsOnceNoFewerVotesCanReachThePage) {
  // Ten votes from ten communities score 10: once the page of one holds it,
  // no idea with fewer than ten votes can outscore it.
  std::vector<Candidate> items = {{1, 10, diverse_key(10)}, {2, 10, diverse_key(std::sqrt(10.0))}};
  for (ItemId id = 3; id < 100; ++id) items.push_back({id, 9, diverse_key(9)});
  std::size_t read = 0;
  auto page = scan(in_vote_order(items), std::nullopt, 1, &read);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, 1);
  EXPECT_EQ(read, 2u);
}

TEST(SupportDiversity, AClusteredIdeaWithMoreVotesStillYieldsToASpreadOne) {
  // Nine votes from one cluster score 3; four from four communities score 4.
  std::vector<VoterCommunity> clique(9, VoterCommunity(1));
  std::vector<VoterCommunity> spread = {1, 2, 3, 4};
  std::vector<Candidate> items = {{1, 9, diverse_key(tally_support(clique).diverse_score)},
                                  {2, 4, diverse_key(tally_support(spread).diverse_score)}};
  auto page = scan(in_vote_order(items), std::nullopt, 2);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].id, 2);
  EXPECT_EQ(page[1].id, 1);
}

TEST(SupportDiversity, EqualScoresRankTheNewerFirstAndItemsWithoutVotesLast) {
  std::vector<Candidate> items = {
      {1, 0, 0}, {2, 2, diverse_key(2)}, {3, 0, 0}, {4, 2, diverse_key(2)}, {5, 1, diverse_key(1)}};
  auto page = scan(in_vote_order(items), std::nullopt, 5);
  std::vector<ItemId> ids;
  for (const auto& r : page) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<ItemId>{4, 2, 5, 3, 1}));
  // A cursor among the items without votes: only the older ones follow.
  auto rest = scan(in_vote_order(items), CursorKey{0, 3}, 5);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].id, 1);
}

}  // namespace
}  // namespace kring::social
