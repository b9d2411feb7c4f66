#include "social/rate_limits.h"

#include <gtest/gtest.h>

namespace kring::social {
namespace {

using std::chrono::seconds;
using Clock = RateLimiter::Clock;

RateLimitConfig only(const std::string& assignment) {
  auto config = RateLimitConfig::off();
  EXPECT_TRUE(config.set(assignment).ok()) << assignment;
  return config;
}

TEST(RateLimitTable, RowsAreInIdOrderWithDistinctNames) {
  auto table = rate_limit_table();
  ASSERT_EQ(table.size(), kRateLimitCount);
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(table[i].id), i);
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(table[i].name, table[j].name);
    EXPECT_GT(table[i].defaults.count, 0) << table[i].name;
    EXPECT_EQ(table[i].kind == LimitKind::kRate, table[i].defaults.period.count() > 0);
  }
}

TEST(RateLimitConfig, ParsesCountsPeriodsAndOff) {
  auto config = RateLimitConfig::defaults();
  ASSERT_TRUE(config.set("items_per_member=5/10m").ok());
  EXPECT_EQ(config[RateLimitId::kItemsPerMember].count, 5);
  EXPECT_EQ(config[RateLimitId::kItemsPerMember].period, seconds(600));
  ASSERT_TRUE(config.set("register_per_address=2/h").ok());
  EXPECT_EQ(config[RateLimitId::kRegisterPerAddress].period, seconds(3600));
  ASSERT_TRUE(config.set("streams_per_member=3").ok());
  EXPECT_EQ(config[RateLimitId::kStreamsPerMember].count, 3);
  ASSERT_TRUE(config.set("mentions_per_member=off").ok());
  EXPECT_EQ(config[RateLimitId::kMentionsPerMember].count, 0);
  EXPECT_EQ(format_rate_limit(rate_limit_row(RateLimitId::kItemsPerMember),
                              config[RateLimitId::kItemsPerMember]),
            "5/10m");
}

TEST(RateLimitConfig, RejectsMalformedAssignments) {
  auto config = RateLimitConfig::defaults();
  for (const char* bad :
       {"items_per_member", "nope=1/1h", "items_per_member=5", "items_per_member=0/1h",
        "items_per_member=-1/1h", "items_per_member=5/1y", "items_per_member=5/",
        "items_per_member=x/1h", "streams_per_member=3/1h", "streams_per_member=0",
        "items_per_member=5/1h "}) {
    auto status = config.set(bad);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalid) << bad;
  }
  EXPECT_EQ(config[RateLimitId::kItemsPerMember].count,
            rate_limit_row(RateLimitId::kItemsPerMember).defaults.count);
}

TEST(RateLimiter, AllowsABurstThenRefusesWithTheWaitForOneUnit) {
  RateLimiter limiter(only("items_per_member=3/60s"));
  auto t0 = Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.take(RateLimitId::kItemsPerMember, "7", t0), 0);
  // One unit refills every 20 s.
  EXPECT_EQ(limiter.take(RateLimitId::kItemsPerMember, "7", t0), 20);
  EXPECT_EQ(limiter.take(RateLimitId::kItemsPerMember, "7", t0 + seconds(15)), 5);
  EXPECT_EQ(limiter.take(RateLimitId::kItemsPerMember, "7", t0 + seconds(20)), 0);
  EXPECT_GT(limiter.take(RateLimitId::kItemsPerMember, "7", t0 + seconds(20)), 0);
}

TEST(RateLimiter, KeysAreIndependent) {
  RateLimiter limiter(only("items_per_member=1/1h"));
  auto t0 = Clock::now();
  EXPECT_EQ(limiter.take(RateLimitId::kItemsPerMember, "1", t0), 0);
  EXPECT_GT(limiter.take(RateLimitId::kItemsPerMember, "1", t0), 0);
  EXPECT_EQ(limiter.take(RateLimitId::kItemsPerMember, "2", t0), 0);
}

TEST(RateLimiter, RefillNeverExceedsTheCapacity) {
  RateLimiter limiter(only("replies_per_member=2/10s"));
  auto t0 = Clock::now();
  EXPECT_EQ(limiter.take(RateLimitId::kRepliesPerMember, "1", t0), 0);
  auto later = t0 + seconds(3600);
  EXPECT_EQ(limiter.take(RateLimitId::kRepliesPerMember, "1", later), 0);
  EXPECT_EQ(limiter.take(RateLimitId::kRepliesPerMember, "1", later), 0);
  EXPECT_GT(limiter.take(RateLimitId::kRepliesPerMember, "1", later), 0);
}

TEST(RateLimiter, OffLimitsNeverRefuseAndHoldNoKeys) {
  RateLimiter limiter(RateLimitConfig::off());
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(limiter.take(RateLimitId::kRegisterPerAddress, "a"), 0);
  EXPECT_EQ(limiter.keys_held(RateLimitId::kRegisterPerAddress), 0u);
}

TEST(RateLimiter, IdleKeysAreSweptAndTheTableStaysBounded) {
  RateLimiter limiter(only("register_per_address=5/30s"));
  auto t0 = Clock::now();
  for (int i = 0; i < 1000; ++i) {
    limiter.take(RateLimitId::kRegisterPerAddress, "10.0.0." + std::to_string(i), t0);
  }
  EXPECT_EQ(limiter.keys_held(RateLimitId::kRegisterPerAddress), 1000u);
  // After a whole period every bucket has refilled; the next take sweeps them.
  limiter.take(RateLimitId::kRegisterPerAddress, "fresh", t0 + seconds(31));
  EXPECT_EQ(limiter.keys_held(RateLimitId::kRegisterPerAddress), 1u);
  for (std::size_t i = 0; i < RateLimiter::kMaxKeysPerLimit + 10; ++i) {
    limiter.take(RateLimitId::kRegisterPerAddress, std::to_string(i), t0 + seconds(32));
  }
  EXPECT_LE(limiter.keys_held(RateLimitId::kRegisterPerAddress), RateLimiter::kMaxKeysPerLimit);
}

TEST(AddressKey, KeepsIpv4AndGroupsIpv6ByPrefix) {
  EXPECT_EQ(address_key("203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(address_key("::ffff:203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(address_key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_key("2001:db8:1:2:bbbb:cccc:dddd:eeee"), "2001:db8:1:2::/64");
  EXPECT_NE(address_key("2001:db8:1:3::1"), address_key("2001:db8:1:2::1"));
  EXPECT_EQ(address_key("not an address"), "not an address");
}

}  // namespace
}  // namespace kring::social
