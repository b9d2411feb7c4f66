#pragma once
// Events (the kind table's rows that take RSVPs): members answer going or
// waitlisted, with guests (POST and DELETE /api/v1/items/{id}/rsvp); the
// organisers and the space's hosts check going members in and see the
// waiting list; whoever may read the event and is signed in sees who goes.
// Who may do each is the policy's row of the same name (kRsvp, kCancelRsvp,
// kCheckIn, kUndoCheckIn, kListAttendees, kViewAttendance); the places'
// arithmetic, first come first served, is social/rsvp_capacity.h.
//
// Capacity holds under races: each answer reads the places and writes its
// row in one write transaction (BEGIN IMMEDIATE), so answers to one event
// run one after the other.
//
// When RSVPs are taken: while the event is at its kind's initial status
// (scheduled) and not over; it is over at ends_at, or without one at
// starts_at. Check-in opens kCheckInOpensBefore before starts_at and stays
// open (the organisers may set the record straight afterwards), except
// while the event is called off.
//
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>

#include "core/item.h"
#include "core/page.h"
#include "core/result.h"
#include "core/time.h"
#include "social/actor.h"
#include "social/can.h"
#include "social/member_view.h"
#include "social/notification_hub.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/database.h"
#include "store/rsvp_repository.h"

namespace kring::social {

class StandingCache;

inline constexpr Micros kCheckInOpensBefore = Micros{2} * 3600 * 1000 * 1000;

// An answer as the member who gave it sees it, with the event's counts.
struct RsvpOutcome {
  std::optional<store::Rsvp> rsvp;  // empty: no answer (after a cancellation)
  store::RsvpSummary summary;       // summary.my_position: the place on the waiting list
  bool created = false;             // a new answer (201), not a change of one (200)
};

// A row of an attendee list.
struct AttendeeView {
  store::Rsvp rsvp;
  MemberView member;
  Can can;  // check_in, undo_check_in
};

// 409 no_rsvps when the item's kind takes none; 409 event_cancelled when
// it is not at its initial status; 409 event_over once it is over at `now`.
Status rsvps_open(const Item& item, Micros now);

// The actor's standing toward an event: StandingCache::item's, with
// whether the actor co-organises it (item_organisers) and whether a block
// stands between them and its author.
Resource event_standing(store::Connection& conn, StandingCache& standing, const Item& item);

// Moves waiting members up, in list order, as far as the free places
// allow, telling each (rsvp_promoted, from `actor`). Does nothing unless
// RSVPs are open on the item. For every change that may free places:
// a cancellation, fewer guests, a larger or no capacity (social/items), an
// event called on again (social/item_status). REQUIRES: a write
// transaction on `conn`; `item` as stored now.
void promote_waitlisted(store::Connection& conn, Notifier& notifier, const Item& item,
                        MemberId actor);

// The item's event entries of `can`: rsvp, cancel_rsvp, check_in,
// view_attendees, view_attendance. `item` is event_standing()'s.
void add_event_can(const Actor& actor, const Resource& item, const Item& row, Can& can);

class Events {
 public:
  Events(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Answers (or changes the answer) with `guests` (absent: 0 on a new
  // answer, unchanged on an existing one). In order: 404 (401 to a
  // visitor) when the actor may not read the item; the kRsvp row's
  // refusals (403 suspended, not a member of the event's space, archived;
  // 404 across a block with the author); 400 invalid_guests outside
  // 0..kMaxGuests; rsvps_open()'s 409. A new answer is going when nobody
  // waits and its places fit, else waitlisted. More guests on a going
  // answer must fit in the free places with nobody waiting, else 409
  // event_full and the answer stays as it was (the member keeps their
  // place); fewer guests free places for those waiting. A waiting member's
  // guests change in place, keeping their turn.
  Result<RsvpOutcome> rsvp(const Actor& actor, ItemId id, std::optional<std::int64_t> guests);
  // Withdraws the actor's answer (idempotent); a going one's places go to
  // those waiting. 404/401 as above; 403 suspended; 409 no_rsvps; 409
  // event_over once the event is over (attendance is then a record).
  Result<RsvpOutcome> cancel(const Actor& actor, ItemId id);
  // Checks a going member in (`on`) or undoes it; idempotent. 404/401 as
  // above; the kCheckIn/kUndoCheckIn row's 403; 409 no_rsvps,
  // event_cancelled, check_in_not_open (before starts_at minus
  // kCheckInOpensBefore); 404 for a handle naming nobody; 409 not_going
  // when the member has no going answer.
  Result<AttendeeView> check_in(const Actor& actor, ItemId id, const std::string& handle, bool on);
  // One page of the event's going (the default), waitlisted or checked_in
  // members, in the order they answered. going: kListAttendees; the others:
  // kViewAttendance. 400 invalid_filter for another state.
  Result<Page<AttendeeView>> attendees(const Actor& viewer, ItemId id,
                                       const std::optional<std::string>& state,
                                       const PageRequest& request);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
