#include "social/notification_hub.h"

#include <gtest/gtest.h>

namespace kring::social {
namespace {

class FakeStream : public NotificationListener {
 public:
  void deliver(const std::string& event) override { events.push_back(event); }
  void end() override { ended = true; }
  bool open() const override { return !ended; }

  std::vector<std::string> events;
  bool ended = false;
};

class NotificationHubTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeStream> subscribe(MemberId member, std::int64_t session,
                                        const std::string& address = "192.0.2.1") {
    auto stream = std::make_shared<FakeStream>();
    EXPECT_TRUE(hub.subscribe({member, session, address}, stream).ok());
    streams.push_back(stream);
    return stream;
  }

  RateLimiter limiter{RateLimitConfig::off()};
  NotificationHub hub{limiter};
  std::vector<std::shared_ptr<FakeStream>> streams;
};

TEST_F(NotificationHubTest, RendersOncePerNotificationForEveryStreamOfTheRecipient) {
  int renders = 0;
  hub.set_renderer([&](MemberId recipient, std::int64_t id) -> std::optional<std::string> {
    ++renders;
    return "event " + std::to_string(recipient) + "/" + std::to_string(id);
  });
  auto a = subscribe(1, 10), b = subscribe(1, 11), c = subscribe(1, 11);
  auto other = subscribe(2, 20);
  hub.publish(1, 7);
  EXPECT_EQ(renders, 1);
  for (const auto& s : {a, b, c}) EXPECT_EQ(s->events, std::vector<std::string>{"event 1/7"});
  EXPECT_TRUE(other->events.empty());
  hub.publish(3, 8);  // nobody listening: nothing rendered
  EXPECT_EQ(renders, 1);
}

TEST_F(NotificationHubTest, NothingIsSentWhenTheRendererFindsNothing) {
  hub.set_renderer([](MemberId, std::int64_t) { return std::optional<std::string>(); });
  auto a = subscribe(1, 10);
  hub.publish(1, 7);
  EXPECT_TRUE(a->events.empty());
}

TEST_F(NotificationHubTest, ClosingASessionEndsOnlyItsStreams) {
  auto a = subscribe(1, 10), b = subscribe(1, 11), other = subscribe(2, 10);
  hub.close_session(1, 10);
  EXPECT_TRUE(a->ended);
  EXPECT_FALSE(b->ended);
  EXPECT_FALSE(other->ended);
}

TEST_F(NotificationHubTest, ClosingAMembersStreamsCanSpareOneSession) {
  auto a = subscribe(1, 10), b = subscribe(1, 11), c = subscribe(1, 12);
  hub.close_member_streams(1, 11);
  EXPECT_TRUE(a->ended);
  EXPECT_FALSE(b->ended);
  EXPECT_TRUE(c->ended);
  hub.close_member_streams(1);
  EXPECT_TRUE(b->ended);
}

TEST(NotificationHubCaps, RefusesTheNewStreamPastAMembersOrAnAddressesCap) {
  auto config = RateLimitConfig::off();
  ASSERT_TRUE(config.set("streams_per_member=2").ok());
  ASSERT_TRUE(config.set("streams_per_address=3").ok());
  RateLimiter limiter(config);
  NotificationHub hub(limiter);
  std::vector<std::shared_ptr<FakeStream>> held;
  auto open = [&](MemberId member, const std::string& address) {
    auto stream = std::make_shared<FakeStream>();
    held.push_back(stream);
    return hub.subscribe({member, 1, address}, stream);
  };
  EXPECT_TRUE(open(1, "192.0.2.1").ok());
  EXPECT_TRUE(open(1, "192.0.2.1").ok());
  auto refused = open(1, "192.0.2.2");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kRateLimited);
  EXPECT_GT(refused.error().retry_after_s, 0);
  EXPECT_TRUE(open(2, "192.0.2.1").ok());
  EXPECT_FALSE(open(3, "192.0.2.1").ok());  // the address holds 3
  EXPECT_TRUE(open(3, "192.0.2.9").ok());
  // A closed stream frees its place for the member and the address.
  held[0]->ended = true;
  EXPECT_TRUE(open(1, "192.0.2.1").ok());
  held[1].reset();  // a stream that went away entirely
  EXPECT_TRUE(open(4, "192.0.2.1").ok());
}

}  // namespace
}  // namespace kring::social
