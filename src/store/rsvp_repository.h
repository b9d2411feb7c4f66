#pragma once
// RSVPs to events (rsvps): one row per member and event. A going row holds
// 1 + guests places; waitlisted rows wait in `position` order, which is the
// order members answered in (a position is never reused for an item, so it
// also keys the attendee list's pages). Runs inside the caller's
// transaction; whether a member may answer, and whether they fit, is the
// caller's (social/events.h). Also reads item_organisers: who organises an
// event besides its author.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cursor.h"
#include "core/item.h"
#include "core/member.h"
#include "core/time.h"
#include "store/database.h"

namespace kring::store {

enum class RsvpState { kGoing, kWaitlisted };

std::string_view rsvp_state_name(RsvpState state);
std::optional<RsvpState> parse_rsvp_state(std::string_view name);

struct Rsvp {
  ItemId item = 0;
  MemberId member = 0;
  RsvpState state = RsvpState::kGoing;
  std::int64_t guests = 0;
  std::int64_t position = 0;
  Micros responded_at = 0;
  std::optional<Micros> checked_in_at;
};

// An event's answers as one viewer sees them (the item view's `rsvp`).
struct RsvpSummary {
  std::int64_t going = 0;                   // places taken: 1 + guests over going rows
  std::int64_t waitlisted = 0;              // members waiting
  std::int64_t checked_in = 0;              // members checked in
  std::optional<std::int64_t> capacity;     // empty: unlimited
  std::optional<Rsvp> mine;                 // the viewer's own row
  std::optional<std::int64_t> my_position;  // 1-based place on the waiting list
};

// Which rows an attendee list holds.
enum class AttendeeFilter { kGoing, kWaitlisted, kCheckedIn };

class RsvpRepository {
 public:
  explicit RsvpRepository(Connection& conn) : conn_(conn) {}

  std::optional<Rsvp> find(ItemId item, MemberId member);
  // Places taken by going rows: sum of 1 + guests.
  std::int64_t going_places(ItemId item);
  std::int64_t waitlisted_count(ItemId item);
  // The waiting rows in position order, at most `limit`.
  std::vector<Rsvp> waitlist(ItemId item, int limit);
  // 1-based: how many wait at or before `position`.
  std::int64_t waitlist_place(ItemId item, std::int64_t position);
  // The position the next answer takes. REQUIRES: a write transaction.
  std::int64_t next_position(ItemId item);
  // REQUIRES: a write transaction (for all four).
  void insert(const Rsvp& rsvp);
  void set_guests(ItemId item, MemberId member, std::int64_t guests);
  void set_state(ItemId item, MemberId member, RsvpState state);
  void set_checked_in(ItemId item, MemberId member, std::optional<Micros> at);
  // True when there was a row.
  bool remove(ItemId item, MemberId member);

  // `viewer` 0: a visitor.
  RsvpSummary summary(ItemId item, std::optional<std::int64_t> capacity, MemberId viewer);
  // The going members (for the event_cancelled audience), by position.
  std::vector<MemberId> going_members(ItemId item);
  // One page of the list in position order, after the row at position
  // `after` (nullopt: from the first).
  std::vector<Rsvp> list(ItemId item, AttendeeFilter filter, std::optional<std::int64_t> after,
                         int limit);

  // Whether the member co-organises the item (a row of item_organisers;
  // the author organises without one).
  bool is_co_organiser(ItemId item, MemberId member);

 private:
  Connection& conn_;
};

}  // namespace kring::store
