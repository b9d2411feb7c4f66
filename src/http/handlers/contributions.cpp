// The ledger's routes (social/contributions.h) and an item's co-organisers
// (social/organisers.h).
//
// A contribution: {id, item: {id, kind, title}, giver, receiver (members),
// kind, amount, goal (index or null), note, status, decision_note,
// created_at, delivered_at, decided_at, decided, can:
// {deliver, confirm, decline, withdraw}}. A listing is a page with
// `totals`: {kind: {status: amount}}, every kind and status present.

#include <charconv>

#include "core/kinds.h"
#include "http/can_json.h"
#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

nlohmann::json optional_time(const std::optional<Micros>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

nlohmann::json contribution_json(const social::ContributionView& v) {
  const store::Contribution& c = v.row;
  return {
      {"id", std::to_string(c.id)},
      {"item", {{"id", std::to_string(v.item.id)}, {"kind", v.item.kind}, {"title", v.item.title}}},
      {"giver", v.giver ? member_json(*v.giver, false) : nlohmann::json(nullptr)},
      {"receiver", v.receiver ? member_json(*v.receiver, false) : nlohmann::json(nullptr)},
      {"kind", c.kind},
      {"amount", c.amount},
      {"goal", c.goal ? nlohmann::json(*c.goal) : nlohmann::json(nullptr)},
      {"note", c.note},
      {"status", c.status},
      {"decision_note", c.decision_note},
      {"created_at", format_rfc3339(c.created_at)},
      {"delivered_at", optional_time(c.delivered_at)},
      {"decided_at", optional_time(c.decided_at)},
      {"decided", c.decided_at.has_value()},
      {"can", can_json(v.can)}};
}

nlohmann::json contribution_page_json(const social::ContributionPage& p) {
  nlohmann::json j = page_json(p.page, contribution_json);
  nlohmann::json totals = nlohmann::json::object();
  for (auto kind : contribution_kinds()) {
    nlohmann::json by_status = nlohmann::json::object();
    for (auto status : store::kContributionStatuses) by_status[std::string(status)] = 0;
    totals[std::string(kind)] = std::move(by_status);
  }
  for (const auto& t : p.totals) totals[t.kind][t.status] = t.amount;
  j["totals"] = std::move(totals);
  return j;
}

Result<ItemId> parse_id(const std::string& text, std::string_view what) {
  std::int64_t id = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || id <= 0) {
    return Error::not_found("no " + std::string(what) + " '" + text.substr(0, 40) + "'");
  }
  return id;
}

Response pledge(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(id, parse_id(ctx.request.param("id"), "item"));
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"kind", "amount", "note", "goal"}));
  KRING_HTTP_TRY(kind, required_string(body, "kind", 64));
  KRING_HTTP_TRY(amount, optional_integer(body, "amount"));
  KRING_HTTP_TRY(note, optional_string(body, "note", 8192));
  KRING_HTTP_TRY(goal, optional_integer(body, "goal"));
  social::NewContribution in{kind, amount, note, goal};
  return reply(s.contributions.pledge(ctx.actor, id, in), 201, contribution_json);
}

Response move(social::Services& s, Context& ctx, social::ContributionMove which) {
  KRING_HTTP_TRY(id, parse_id(ctx.request.param("id"), "contribution"));
  std::optional<std::string> note;
  // The moves need no body; confirming and declining may carry a note.
  if (!ctx.request.body().empty()) {
    const bool decides =
        which == social::ContributionMove::kConfirm || which == social::ContributionMove::kDecline;
    KRING_HTTP_TRY(body, decides ? parse_object(ctx.request.body(), {"note"})
                                 : parse_object(ctx.request.body(), {}));
    KRING_HTTP_TRY(given, optional_string(body, "note", 8192));
    note = given;
  }
  return reply(s.contributions.move(ctx.actor, id, which, note), 200, contribution_json);
}

Response for_item(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(id, parse_id(ctx.request.param("id"), "item"));
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.contributions.for_item(ctx.actor, id, page), 200, contribution_page_json);
}

Response for_member(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  const std::string role = ctx.request.query_value("role");
  social::ContributionRole which = social::ContributionRole::kAny;
  if (role == "given") {
    which = social::ContributionRole::kGiven;
  } else if (role == "received") {
    which = social::ContributionRole::kReceived;
  } else if (!role.empty()) {
    return Response::error(Error::invalid("invalid_role", "role is given or received"));
  }
  return reply(s.contributions.for_member(ctx.actor, ctx.request.param("h"), which, page), 200,
               contribution_page_json);
}

Response for_space(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.contributions.for_space(ctx.actor, ctx.request.param("s"), page), 200,
               contribution_page_json);
}

Response time_balance(social::Services& s, Context& ctx) {
  return reply(s.contributions.time_balance(ctx.actor, ctx.request.param("h")), 200,
               [](const social::TimeBalance& t) {
                 return nlohmann::json{{"given_hours", t.given_hours},
                                       {"received_hours", t.received_hours},
                                       {"balance", t.balance},
                                       {"open",
                                        {{"given_hours", t.open_given_hours},
                                         {"received_hours", t.open_received_hours}}}};
               });
}

Response set_organiser(social::Services& s, Context& ctx, bool on) {
  KRING_HTTP_TRY(id, parse_id(ctx.request.param("id"), "item"));
  return reply(s.organisers.set(ctx.actor, id, ctx.request.param("h"), on), 200, item_json);
}

}  // namespace

void register_contribution_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  using M = social::ContributionMove;
  router.add(verb::post, "/api/v1/items/{id}/contributions",
             [&s](Context& c) { return pledge(s, c); });
  router.add(verb::get, "/api/v1/items/{id}/contributions",
             [&s](Context& c) { return for_item(s, c); });
  router.add(verb::post, "/api/v1/contributions/{id}/deliver",
             [&s](Context& c) { return move(s, c, M::kDeliver); });
  router.add(verb::post, "/api/v1/contributions/{id}/confirm",
             [&s](Context& c) { return move(s, c, M::kConfirm); });
  router.add(verb::post, "/api/v1/contributions/{id}/decline",
             [&s](Context& c) { return move(s, c, M::kDecline); });
  router.add(verb::post, "/api/v1/contributions/{id}/withdraw",
             [&s](Context& c) { return move(s, c, M::kWithdraw); });
  router.add(verb::get, "/api/v1/members/{h}/contributions",
             [&s](Context& c) { return for_member(s, c); });
  router.add(verb::get, "/api/v1/members/{h}/time",
             [&s](Context& c) { return time_balance(s, c); });
  router.add(verb::get, "/api/v1/spaces/{s}/contributions",
             [&s](Context& c) { return for_space(s, c); });
  router.add(verb::put, "/api/v1/items/{id}/organisers/{h}",
             [&s](Context& c) { return set_organiser(s, c, true); });
  router.add(verb::delete_, "/api/v1/items/{id}/organisers/{h}",
             [&s](Context& c) { return set_organiser(s, c, false); });
}

}  // namespace kring::http
