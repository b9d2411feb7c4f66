#pragma once
// An event's places and answers as JSON: the item view's `rsvp`, the answer
// POST and DELETE /api/v1/items/{id}/rsvp return, and a row of the
// attendee list (docs: README's events section).

#include <nlohmann/json.hpp>

#include "social/events.h"

namespace kring::http {

// {going, waitlisted, checked_in, capacity, places_left, my_state,
// my_guests, my_position, my_checked_in}: capacity and places_left null
// when unlimited; the my_ fields null without an answer (my_position but
// for a waiting one).
nlohmann::json rsvp_summary_json(const store::RsvpSummary& summary);
// {state: going|waitlisted|null, guests, position (waiting only: the place
// on the list, 1-based), going_count, waitlisted_count, capacity,
// places_left, checked_in_at}.
nlohmann::json rsvp_outcome_json(const social::RsvpOutcome& outcome);
// {member, state, guests, position (the order of answering), responded_at,
// checked_in_at, can}.
nlohmann::json attendee_json(const social::AttendeeView& view);

}  // namespace kring::http
