#include "social/login_throttle.h"

#include <gtest/gtest.h>

namespace kring::social {
namespace {

using std::chrono::seconds;
using Clock = LoginThrottle::Clock;

TEST(LoginThrottle, FirstFailuresFromAnAddressAreFreeThenTheWaitDoubles) {
  LoginThrottle throttle;  // 5 free, then 2 s, 4 s, 8 s ...
  auto t = Clock::now();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(throttle.retry_after("login:x" + std::to_string(i), "198.51.100.1", t), 0);
    throttle.record_failure("login:x" + std::to_string(i), "198.51.100.1", t);
  }
  EXPECT_EQ(throttle.retry_after("login:other", "198.51.100.1", t), 2);
  t += seconds(2);
  EXPECT_EQ(throttle.retry_after("login:other", "198.51.100.1", t), 0);
  throttle.record_failure("login:other", "198.51.100.1", t);
  EXPECT_EQ(throttle.retry_after("login:other", "198.51.100.1", t), 4);
  t += seconds(4);
  throttle.record_failure("login:other", "198.51.100.1", t);
  EXPECT_EQ(throttle.retry_after("login:other", "198.51.100.1", t), 8);
  // Another address is not slowed down.
  EXPECT_EQ(throttle.retry_after("login:other", "198.51.100.2", t), 0);
}

TEST(LoginThrottle, BackoffIsCappedAtTheWindowAndFailuresExpire) {
  LoginThrottle throttle;
  auto t = Clock::now();
  for (int i = 0; i < 40; ++i) throttle.record_failure("login:a", "198.51.100.1", t);
  EXPECT_EQ(throttle.retry_after("login:a", "198.51.100.1", t), 15 * 60);
  EXPECT_EQ(throttle.retry_after("login:a", "198.51.100.1", t + seconds(15 * 60)), 0);
}

TEST(LoginThrottle, AnAccountUnderAttackAdmitsOnlyAddressesThatDidNotFailAgainstIt) {
  LoginThrottle throttle;  // under attack from 10 failures
  auto t = Clock::now();
  for (int i = 0; i < 10; ++i) {
    throttle.record_failure("member:1", "192.0.2." + std::to_string(i), t);
  }
  EXPECT_EQ(throttle.retry_after("member:1", "192.0.2.3", t), 15 * 60);
  EXPECT_EQ(throttle.retry_after("member:1", "203.0.113.9", t), 0);  // the owner
  EXPECT_EQ(throttle.retry_after("member:2", "192.0.2.3", t), 0);    // another account
}

TEST(LoginThrottle, BelowTheAttackThresholdADirtyAddressMayRetry) {
  LoginThrottle throttle;
  auto t = Clock::now();
  for (int i = 0; i < 9; ++i)
    throttle.record_failure("member:1", "192.0.2." + std::to_string(i), t);
  EXPECT_EQ(throttle.retry_after("member:1", "192.0.2.3", t), 0);
}

TEST(LoginThrottle, ASuccessClearsOnlyThatAddressesRecordAgainstThatAccount) {
  LoginThrottle throttle;
  auto t = Clock::now();
  for (int i = 0; i < 9; ++i)
    throttle.record_failure("member:1", "192.0.2." + std::to_string(i), t);
  throttle.record_failure("member:1", "203.0.113.9", t);  // the owner mistyped
  EXPECT_GT(throttle.retry_after("member:1", "203.0.113.9", t), 0);
  throttle.record_success("member:1", "203.0.113.9");
  EXPECT_EQ(throttle.retry_after("member:1", "203.0.113.9", t), 0);
  EXPECT_GT(throttle.retry_after("member:1", "192.0.2.1", t), 0);
}

TEST(LoginThrottle, Ipv6AddressesInOnePrefixShareABackoff) {
  LoginThrottle throttle;
  auto t = Clock::now();
  for (int i = 1; i <= 5; ++i) {
    throttle.record_failure("login:a", "2001:db8:0:1::" + std::to_string(i), t);
  }
  EXPECT_GT(throttle.retry_after("login:a", "2001:db8:0:1::99", t), 0);
  EXPECT_EQ(throttle.retry_after("login:a", "2001:db8:0:2::1", t), 0);
}

}  // namespace
}  // namespace kring::social
