// The RSVP rows (store/rsvp_repository.h): places summed as 1 + guests over
// going rows only, the waiting list in position order and each member's
// place in it, and the attendee list paged on position.
#include "store/rsvp_repository.h"

#include <gtest/gtest.h>

#include "store/migrations.h"

namespace kring::store {
namespace {

class Rsvps : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.exec("PRAGMA foreign_keys = ON");
    apply_migrations(conn_);
    conn_.exec(
        "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
        "(1, 'host', 'h@x.org', 'x', 0, 0), (2, 'ann', 'a@x.org', 'x', 0, 0), "
        "(3, 'bob', 'b@x.org', 'x', 0, 0), (4, 'cas', 'c@x.org', 'x', 0, 0);"
        "INSERT INTO items (id, kind, author_id, visibility, body, html, status, created_at, "
        "starts_at, capacity) VALUES (10, 'event', 1, 'public', 'b', 'b', 'scheduled', 0, 1, 3);");
  }

  void answer(MemberId member, RsvpState state, std::int64_t guests) {
    Transaction tx(conn_, Transaction::Kind::kWrite);
    RsvpRepository rsvps(conn_);
    rsvps.insert({10, member, state, guests, rsvps.next_position(10), 5, std::nullopt});
    tx.commit();
  }

  Connection conn_{":memory:"};
};

TEST_F(Rsvps, PlacesCountGoingRowsWithTheirGuestsOnly) {
  answer(2, RsvpState::kGoing, 2);
  answer(3, RsvpState::kWaitlisted, 4);
  RsvpRepository rsvps(conn_);
  EXPECT_EQ(rsvps.going_places(10), 3);
  EXPECT_EQ(rsvps.waitlisted_count(10), 1);
  RsvpSummary s = rsvps.summary(10, 3, 2);
  EXPECT_EQ(s.going, 3);
  EXPECT_EQ(s.waitlisted, 1);
  ASSERT_TRUE(s.mine);
  EXPECT_EQ(s.mine->guests, 2);
  EXPECT_FALSE(s.my_position);                 // going: no place in line
  EXPECT_FALSE(rsvps.summary(10, 3, 0).mine);  // a visitor
}

TEST_F(Rsvps, TheWaitingListKeepsItsOrderAndEachPlaceInIt) {
  answer(2, RsvpState::kWaitlisted, 0);
  answer(3, RsvpState::kWaitlisted, 1);
  answer(4, RsvpState::kWaitlisted, 0);
  RsvpRepository rsvps(conn_);
  EXPECT_EQ(rsvps.summary(10, 3, 4).my_position, 3);
  rsvps.remove(10, 2);
  EXPECT_EQ(rsvps.summary(10, 3, 4).my_position, 2);
  auto line = rsvps.waitlist(10, 10);
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].member, 3);
  EXPECT_EQ(line[1].member, 4);
  rsvps.set_state(10, 3, RsvpState::kGoing);
  EXPECT_EQ(rsvps.going_places(10), 2);
  EXPECT_EQ(rsvps.summary(10, 3, 4).my_position, 1);
}

TEST_F(Rsvps, TheAttendeeListPagesOnPositionAndCheckInsFilterIt) {
  answer(2, RsvpState::kGoing, 0);
  answer(3, RsvpState::kGoing, 0);
  answer(4, RsvpState::kWaitlisted, 0);
  RsvpRepository rsvps(conn_);
  auto first = rsvps.list(10, AttendeeFilter::kGoing, std::nullopt, 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].member, 2);
  auto rest = rsvps.list(10, AttendeeFilter::kGoing, first[0].position, 10);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].member, 3);
  EXPECT_TRUE(rsvps.list(10, AttendeeFilter::kCheckedIn, std::nullopt, 10).empty());
  rsvps.set_checked_in(10, 3, 7);
  auto in = rsvps.list(10, AttendeeFilter::kCheckedIn, std::nullopt, 10);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].checked_in_at, 7);
  EXPECT_EQ(rsvps.summary(10, 3, 0).checked_in, 1);
  EXPECT_EQ(rsvps.going_members(10), (std::vector<MemberId>{2, 3}));
}

}  // namespace
}  // namespace kring::store
