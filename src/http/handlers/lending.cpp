#include "core/time.h"
#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/loan_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

template <typename Fn>
Handler with_id(Fn fn) {
  return [fn](Context& c) -> Response {
    KRING_HTTP_TRY(id, social::parse_item_id(c.request.param("id")));
    return fn(c, id);
  };
}

// {due_at}: an RFC 3339 time; absent, the service says it is missing.
Result<std::optional<Micros>> due_at_field(std::string_view text) {
  auto body = parse_object(text, {"due_at"});
  if (!body) return std::move(body).error();
  auto due = optional_string(*body, "due_at", 64);
  if (!due) return std::move(due).error();
  if (!*due) return std::optional<Micros>();
  auto t = parse_rfc3339(**due);
  if (!t) {
    return Error::invalid("invalid_time",
                          "due_at must be an RFC 3339 time, e.g. 2026-12-24T18:00:00Z");
  }
  return std::optional<Micros>(*t);
}

Response lend(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(due_at, due_at_field(ctx.request.body()));
  return reply(s.lending.lend(ctx.actor, id, due_at), 200, item_json);
}

Response my_loans(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  const std::string role = ctx.request.query_value("role", "borrowed");
  const std::string state = ctx.request.query_value("state", "open");
  if (role != "borrowed" && role != "lent") {
    return Response::error(Error::invalid("invalid_role", "role is 'borrowed' or 'lent'"));
  }
  if (state != "open" && state != "past") {
    return Response::error(Error::invalid("invalid_state", "state is 'open' or 'past'"));
  }
  return reply(s.lending.loans(
                   ctx.actor, role == "lent" ? store::LoanRole::kLent : store::LoanRole::kBorrowed,
                   state == "past" ? store::LoanState::kPast : store::LoanState::kOpen, page),
               200, [](const Page<social::LoanEntry>& p) { return page_json(p, loan_entry_json); });
}

}  // namespace

void register_lending_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::post, "/api/v1/items/{id}/reservation", with_id([&s](Context& c, ItemId id) {
               return reply(s.lending.reserve(c.actor, id), 200, item_json);
             }));
  router.add(verb::delete_, "/api/v1/items/{id}/reservation", with_id([&s](Context& c, ItemId id) {
               return reply(s.lending.cancel_reservation(c.actor, id), 200, item_json);
             }));
  router.add(verb::post, "/api/v1/items/{id}/lend",
             with_id([&s](Context& c, ItemId id) { return lend(s, c, id); }));
  router.add(verb::post, "/api/v1/items/{id}/give", with_id([&s](Context& c, ItemId id) {
               return reply(s.lending.give(c.actor, id), 200, item_json);
             }));
  router.add(verb::post, "/api/v1/items/{id}/return", with_id([&s](Context& c, ItemId id) {
               return reply(s.lending.confirm_return(c.actor, id), 200, item_json);
             }));
  router.add(verb::get, "/api/v1/me/loans", [&s](Context& c) { return my_loans(s, c); });
}

}  // namespace kring::http
