// An event's RSVPs, check-in and attendee list (social/events.h).
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/page_json.h"
#include "http/page_request.h"
#include "http/rsvp_json.h"

namespace kring::http {

namespace {

// {guests?}; an empty body is an answer without guests.
Response rsvp(social::Services& s, Context& ctx, ItemId id) {
  std::optional<std::int64_t> guests;
  if (!ctx.request.body().empty()) {
    KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"guests"}));
    KRING_HTTP_TRY(given, optional_integer(body, "guests"));
    guests = given;
  }
  auto result = s.events.rsvp(ctx.actor, id, guests);
  const int status = result && result->created ? 201 : 200;
  return reply(std::move(result), status, rsvp_outcome_json);
}

Response attendees(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  std::optional<std::string> state;
  if (ctx.request.has_query("state")) state = ctx.request.query_value("state");
  return reply(s.events.attendees(ctx.actor, id, state, page), 200,
               [](const Page<social::AttendeeView>& p) { return page_json(p, attendee_json); });
}

template <typename Fn>
Handler with_id(Fn fn) {
  return [fn](Context& c) -> Response {
    KRING_HTTP_TRY(id, social::parse_item_id(c.request.param("id")));
    return fn(c, id);
  };
}

}  // namespace

void register_event_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::post, "/api/v1/items/{id}/rsvp",
             with_id([&s](Context& c, ItemId id) { return rsvp(s, c, id); }));
  router.add(verb::delete_, "/api/v1/items/{id}/rsvp", with_id([&s](Context& c, ItemId id) {
               return reply(s.events.cancel(c.actor, id), 200, rsvp_outcome_json);
             }));
  router.add(verb::get, "/api/v1/items/{id}/attendees",
             with_id([&s](Context& c, ItemId id) { return attendees(s, c, id); }));
  router.add(verb::post, "/api/v1/items/{id}/attendees/{h}/check-in",
             with_id([&s](Context& c, ItemId id) {
               return reply(s.events.check_in(c.actor, id, c.request.param("h"), true), 200,
                            attendee_json);
             }));
  router.add(verb::delete_, "/api/v1/items/{id}/attendees/{h}/check-in",
             with_id([&s](Context& c, ItemId id) {
               return reply(s.events.check_in(c.actor, id, c.request.param("h"), false), 200,
                            attendee_json);
             }));
}

}  // namespace kring::http
