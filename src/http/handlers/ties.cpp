#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

using TieCall = Result<social::TieChange> (social::Ties::*)(const social::Actor&,
                                                            const std::string&);

// A tie write answers with what changed and the member as the caller now sees them.
Response tie_write(social::Services& services, Context& ctx, TieCall call) {
  const std::string& handle = ctx.request.param("h");
  KRING_HTTP_TRY(change, (services.ties.*call)(ctx.actor, handle));
  nlohmann::json body = {{"result", social::tie_change_name(change)}};
  if (auto view = services.members.view(ctx.actor, handle)) {
    body["member"] = member_json(*view, true);
  }
  return Response::json(200, body);
}

auto member_list_json(const Page<social::MemberView>& page) {
  return page_json(page, [](const social::MemberView& v) { return member_json(v, false); });
}

Response tie_list(social::Services& services, Context& ctx, social::TieList which) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(services.ties.list(ctx.actor, ctx.request.param("h"), which, page), 200,
               member_list_json);
}

Response connection_requests(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(services.ties.connection_requests(ctx.actor, page), 200, member_list_json);
}

Response blocked(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(services.ties.blocked(ctx.actor, page), 200, member_list_json);
}

Response second_degree(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(request, page_request(ctx.request));
  return reply(services.ties.second_degree(ctx.actor, request), 200,
               [](const Page<social::SecondDegree>& page) {
                 return page_json(page, [](const social::SecondDegree& entry) {
                   nlohmann::json j = member_json(entry.member, false);
                   nlohmann::json via = nlohmann::json::array();
                   for (const auto& v : entry.via) via.push_back(member_json(v, false));
                   j["via"] = std::move(via);
                   j["mutual_connections"] = entry.via.size();
                   return j;
                 });
               });
}

}  // namespace

void register_tie_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  using social::Ties;
  const std::pair<const char*, std::pair<TieCall, TieCall>> writes[] = {
      {"/api/v1/members/{h}/follow", {&Ties::follow, &Ties::unfollow}},
      {"/api/v1/members/{h}/connection", {&Ties::connect, &Ties::disconnect}},
      {"/api/v1/members/{h}/block", {&Ties::block, &Ties::unblock}},
  };
  for (const auto& [path, calls] : writes) {
    TieCall add = calls.first, remove = calls.second;
    router.add(verb::post, path, [&s, add](Context& c) { return tie_write(s, c, add); });
    router.add(verb::delete_, path, [&s, remove](Context& c) { return tie_write(s, c, remove); });
  }
  const std::pair<const char*, social::TieList> lists[] = {
      {"/api/v1/members/{h}/followers", social::TieList::kFollowers},
      {"/api/v1/members/{h}/following", social::TieList::kFollowing},
      {"/api/v1/members/{h}/connections", social::TieList::kConnections},
  };
  for (const auto& [path, which] : lists) {
    social::TieList w = which;
    router.add(verb::get, path, [&s, w](Context& c) { return tie_list(s, c, w); });
  }
  router.add(verb::get, "/api/v1/me/connection-requests",
             [&s](Context& c) { return connection_requests(s, c); });
  router.add(verb::get, "/api/v1/me/blocked", [&s](Context& c) { return blocked(s, c); });
  router.add(verb::get, "/api/v1/me/second-degree",
             [&s](Context& c) { return second_degree(s, c); });
}

}  // namespace kring::http
