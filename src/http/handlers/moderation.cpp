#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

Response create_report(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"target_type", "target_id", "reason"}));
  KRING_HTTP_TRY(type, required_string(body, "target_type", 32));
  KRING_HTTP_TRY(target, required_string(body, "target_id", 256));
  KRING_HTTP_TRY(reason, required_string(body, "reason", 16384));
  KRING_HTTP_TRY(id, s.moderation.report(ctx.actor, type, target, reason));
  (void)id;
  return Response::json(201, {{"result", "reported"}});
}

Response queue(social::Services& s, Context& ctx, const std::string& slug) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.moderation.queue(ctx.actor, slug, page), 200,
               [](const Page<social::ReportView>& p) { return page_json(p, report_json); });
}

template <typename Fn>
Handler with_id(Fn fn) {
  return [fn](Context& c) -> Response {
    KRING_HTTP_TRY(id, social::parse_item_id(c.request.param("id")));
    return fn(c, id);
  };
}

}  // namespace

void register_moderation_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::post, "/api/v1/reports", [&s](Context& c) { return create_report(s, c); });
  router.add(verb::get, "/api/v1/reports", [&s](Context& c) { return queue(s, c, ""); });
  router.add(verb::get, "/api/v1/spaces/{s}/reports",
             [&s](Context& c) { return queue(s, c, c.request.param("s")); });
  router.add(verb::post, "/api/v1/reports/{id}/resolve", with_id([&s](Context& c, std::int64_t id) {
               return reply(s.moderation.resolve(c.actor, id));
             }));
  for (bool on : {true, false}) {
    verb v = on ? verb::post : verb::delete_;
    router.add(v, "/api/v1/items/{id}/hide", with_id([&s, on](Context& c, std::int64_t id) {
                 return reply(s.items.set_hidden(c.actor, id, on));
               }));
    router.add(v, "/api/v1/replies/{id}/hide", with_id([&s, on](Context& c, std::int64_t id) {
                 return reply(s.moderation.hide_reply(c.actor, id, on));
               }));
    router.add(v, "/api/v1/members/{h}/mute", [&s, on](Context& c) {
      return reply(s.moderation.mute(c.actor, "member", c.request.param("h"), on));
    });
    router.add(v, "/api/v1/spaces/{s}/mute", [&s, on](Context& c) {
      return reply(s.moderation.mute(c.actor, "space", c.request.param("s"), on));
    });
  }
}

}  // namespace kring::http
