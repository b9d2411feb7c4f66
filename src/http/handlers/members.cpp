#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

auto with_counts(const social::MemberView& v) { return member_json(v, true); }
auto without_counts(const social::MemberView& v) { return member_json(v, false); }

Response list_members(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  social::DirectoryRequest request{ctx.request.query_value("q"), ctx.request.query_value("skill"),
                                   ctx.request.query_value("interest"), std::move(page)};
  return reply(services.members.directory(ctx.actor, request), 200,
               [](const Page<social::MemberView>& p) { return page_json(p, without_counts); });
}

Response get_member(social::Services& services, Context& ctx) {
  return reply(services.members.view(ctx.actor, ctx.request.param("h")), 200, with_counts);
}

Response suspend(social::Services& services, Context& ctx, bool suspended) {
  return reply(services.members.set_suspended(ctx.actor, ctx.request.param("h"), suspended));
}

Response set_role(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"role"}));
  KRING_HTTP_TRY(role, required_string(body, "role", 32));
  return reply(services.members.set_role(ctx.actor, ctx.request.param("h"), role));
}

}  // namespace

void register_member_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::get, "/api/v1/members", [&s](Context& c) { return list_members(s, c); });
  router.add(verb::get, "/api/v1/members/{h}", [&s](Context& c) { return get_member(s, c); });
  router.add(verb::put, "/api/v1/members/{h}/role", [&s](Context& c) { return set_role(s, c); });
  router.add(verb::post, "/api/v1/members/{h}/suspend",
             [&s](Context& c) { return suspend(s, c, true); });
  router.add(verb::delete_, "/api/v1/members/{h}/suspend",
             [&s](Context& c) { return suspend(s, c, false); });
}

}  // namespace kring::http
