#include "http/rsvp_json.h"

#include "core/time.h"
#include "http/can_json.h"
#include "http/member_json.h"

namespace kring::http {

namespace {

using nlohmann::json;

json optional_number(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

json optional_time(const std::optional<Micros>& t) {
  return t ? json(format_rfc3339(*t)) : json(nullptr);
}

json places_left(const store::RsvpSummary& s) {
  if (!s.capacity) return nullptr;
  return std::max<std::int64_t>(0, *s.capacity - s.going);
}

}  // namespace

json rsvp_summary_json(const store::RsvpSummary& s) {
  const auto& mine = s.mine;
  return {{"going", s.going},
          {"waitlisted", s.waitlisted},
          {"checked_in", s.checked_in},
          {"capacity", optional_number(s.capacity)},
          {"places_left", places_left(s)},
          {"my_state", mine ? json(store::rsvp_state_name(mine->state)) : json(nullptr)},
          {"my_guests", mine ? json(mine->guests) : json(nullptr)},
          {"my_position", optional_number(s.my_position)},
          {"my_checked_in", mine ? json(mine->checked_in_at.has_value()) : json(nullptr)}};
}

json rsvp_outcome_json(const social::RsvpOutcome& o) {
  const auto& s = o.summary;
  json j = {{"state", o.rsvp ? json(store::rsvp_state_name(o.rsvp->state)) : json(nullptr)},
            {"guests", o.rsvp ? o.rsvp->guests : 0},
            {"going_count", s.going},
            {"waitlisted_count", s.waitlisted},
            {"capacity", optional_number(s.capacity)},
            {"places_left", places_left(s)},
            {"checked_in_at", optional_time(o.rsvp ? o.rsvp->checked_in_at : std::nullopt)}};
  if (s.my_position) j["position"] = *s.my_position;
  return j;
}

json attendee_json(const social::AttendeeView& v) {
  return {{"member", member_json(v.member, false)},
          {"state", store::rsvp_state_name(v.rsvp.state)},
          {"guests", v.rsvp.guests},
          {"position", v.rsvp.position},
          {"responded_at", format_rfc3339(v.rsvp.responded_at)},
          {"checked_in_at", optional_time(v.rsvp.checked_in_at)},
          {"can", can_json(v.can)}};
}

}  // namespace kring::http
