#include <charconv>

#include "http/content_json.h"
#include "http/event_stream.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

std::string sse_event(std::string_view name, const nlohmann::json& data,
                      std::optional<std::int64_t> id) {
  std::string out;
  if (id) out += "id: " + std::to_string(*id) + "\n";
  out += "event: " + std::string(name) + "\ndata: " + data.dump() + "\n\n";
  return out;
}

std::string unread_event(social::Services& s, const social::Actor& actor) {
  return sse_event("unread", {{"unread_count", s.notifications.unread_count(actor)}}, std::nullopt);
}

// What every open stream of the recipient is sent for one notification: the
// event and the new unread count. Rendered once per notification by the hub.
std::optional<std::string> render_live(social::Services& s, MemberId recipient, std::int64_t id) {
  social::Actor actor{recipient};
  auto view = s.notifications.find(actor, id);
  if (!view) return std::nullopt;
  return sse_event("notification", notification_json(*view), id) + unread_event(s, actor);
}

// One open /api/v1/stream: writes what the hub hands it as Server-Sent Events.
class NotificationStream : public EventStream, public social::NotificationListener {
 public:
  void deliver(const std::string& event) override { push(event); }
  void end() override { close(); }
  bool open() const override { return !closed(); }
};

Response stream(social::Services& s, Context& ctx) {
  if (auto status = social::decide(ctx.actor, social::Action::kOpenStream); !status) {
    return Response::error(status.error());
  }
  auto events = std::make_shared<NotificationStream>();
  // Subscribe before reading what was missed: a notification published in
  // between then arrives twice (same id) rather than not at all.
  social::StreamOwner owner{ctx.actor.id, ctx.actor.session_id, ctx.request.client_address};
  if (auto status = s.hub.subscribe(owner, events); !status) return Response::error(status.error());
  // The session may have ended (log-out, password change) between the
  // dispatcher's check and the subscription, too late for the hub to close
  // this stream: check again now that it is subscribed.
  if (auto session = s.accounts.authenticate(ctx.session_token); !session) {
    events->end();
    return Response::error(session.error());
  }
  Response r;
  // Tell the browser how soon to reconnect, then replay what it missed.
  r.body = "retry: 3000\n\n";
  std::string_view last = ctx.request.header("Last-Event-ID");
  std::int64_t last_id = 0;
  if (!last.empty()) {
    auto res = std::from_chars(last.data(), last.data() + last.size(), last_id);
    if (res.ec != std::errc() || last_id < 0) last_id = 0;
    for (const auto& v : s.notifications.since(ctx.actor, last_id)) {
      r.body += sse_event("notification", notification_json(v), v.row.id);
    }
  }
  r.body += unread_event(s, ctx.actor);
  r.event_stream = events;
  return r;
}

Response list(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.notifications.list(ctx.actor, page), 200, [](const social::NotificationPage& p) {
    nlohmann::json j = page_json(p.page, notification_json);
    j["unread_count"] = p.unread_count;
    return j;
  });
}

Response mark_read(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"up_to"}));
  KRING_HTTP_TRY(up_to, required_string(body, "up_to", 32));
  std::int64_t id = 0;
  auto res = std::from_chars(up_to.data(), up_to.data() + up_to.size(), id);
  if (res.ec != std::errc() || res.ptr != up_to.data() + up_to.size() || id < 0) {
    return Response::error(400, "invalid_type", "field 'up_to' must be a notification id");
  }
  return reply(s.notifications.mark_read(ctx.actor, id));
}

}  // namespace

void register_notification_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  s.hub.set_renderer(
      [&s](MemberId recipient, std::int64_t id) { return render_live(s, recipient, id); });
  router.add(verb::get, "/api/v1/notifications", [&s](Context& c) { return list(s, c); });
  router.add(verb::post, "/api/v1/notifications/read", [&s](Context& c) { return mark_read(s, c); });
  router.add(verb::get, "/api/v1/stream", [&s](Context& c) { return stream(s, c); });
}

}  // namespace kring::http
