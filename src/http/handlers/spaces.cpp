#include "http/can_json.h"
#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

Response change_json(Result<social::MembershipChange>&& change) {
  return reply(std::move(change), 200, [](social::MembershipChange c) {
    return nlohmann::json{{"result", social::membership_change_name(c)}};
  });
}

Response create_space(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(),
                                    {"name", "slug", "kind", "visibility", "description"}));
  KRING_HTTP_TRY(name, required_string(body, "name", 4096));
  KRING_HTTP_TRY(slug, required_string(body, "slug", 256));
  KRING_HTTP_TRY(kind, required_string(body, "kind", 64));
  KRING_HTTP_TRY(visibility, required_string(body, "visibility", 64));
  KRING_HTTP_TRY(description, optional_string(body, "description"));
  return reply(s.spaces.create(ctx.actor, {name, slug, kind, visibility, description.value_or("")}),
               201, space_json);
}

Response patch_space(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(),
                                    {"name", "kind", "visibility", "description", "archived",
                                     "vote_limit", "review_threshold"}));
  social::SpacePatch patch;
  KRING_HTTP_TRY(name, optional_string(body, "name", 4096));
  KRING_HTTP_TRY(kind, optional_string(body, "kind", 64));
  KRING_HTTP_TRY(visibility, optional_string(body, "visibility", 64));
  KRING_HTTP_TRY(description, optional_string(body, "description"));
  KRING_HTTP_TRY(archived, optional_bool(body, "archived"));
  patch.name = name;
  patch.kind = kind;
  patch.visibility = visibility;
  patch.description = description;
  patch.archived = archived;
  KRING_HTTP_TRY(vote_limit, optional_integer(body, "vote_limit"));
  KRING_HTTP_TRY(review_threshold, optional_integer(body, "review_threshold"));
  // A field given as null clears the setting; a field left out keeps it.
  if (body.contains("vote_limit")) patch.vote_limit = vote_limit;
  if (body.contains("review_threshold")) patch.review_threshold = review_threshold;
  return reply(s.spaces.update(ctx.actor, ctx.request.param("s"), patch), 200, space_json);
}

Response list_spaces(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.spaces.list(ctx.actor, ctx.request.query_value("q"), page), 200,
               [](const Page<social::SpaceView>& p) { return page_json(p, space_json); });
}

Response space_members(social::Services& s, Context& ctx, MembershipState state) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.spaces.members(ctx.actor, ctx.request.param("s"), state, page), 200,
               [](const Page<social::SpaceMemberView>& p) {
                 return page_json(p, [](const social::SpaceMemberView& v) {
                   nlohmann::json j = member_json(v.member, false);
                   j["space_role"] = space_role_name(v.membership.role);
                   if (v.space_can) j["space_can"] = can_json(*v.space_can);
                   return j;
                 });
               });
}

Response join(social::Services& s, Context& ctx) {
  // The body is optional (a note to the hosts is not stored); if present it must be an object.
  if (!ctx.request.body().empty()) {
    KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {}));
    (void)body;
  }
  return change_json(s.spaces.join(ctx.actor, ctx.request.param("s")));
}

Response decide(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"decision"}));
  KRING_HTTP_TRY(decision, required_string(body, "decision", 64));
  return change_json(
      s.spaces.decide(ctx.actor, ctx.request.param("s"), ctx.request.param("h"), decision));
}

Response invite(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"handle"}));
  KRING_HTTP_TRY(handle, required_string(body, "handle", 256));
  return change_json(s.spaces.invite(ctx.actor, ctx.request.param("s"), handle));
}

Response set_role(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"role"}));
  KRING_HTTP_TRY(role, required_string(body, "role", 64));
  return change_json(
      s.spaces.set_role(ctx.actor, ctx.request.param("s"), ctx.request.param("h"), role));
}

}  // namespace

void register_space_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::post, "/api/v1/spaces", [&s](Context& c) { return create_space(s, c); });
  router.add(verb::get, "/api/v1/spaces", [&s](Context& c) { return list_spaces(s, c); });
  router.add(verb::get, "/api/v1/spaces/{s}", [&s](Context& c) {
    return reply(s.spaces.view(c.actor, c.request.param("s")), 200, space_json);
  });
  router.add(verb::patch, "/api/v1/spaces/{s}", [&s](Context& c) { return patch_space(s, c); });
  router.add(verb::post, "/api/v1/spaces/{s}/members", [&s](Context& c) { return join(s, c); });
  router.add(verb::get, "/api/v1/spaces/{s}/members",
             [&s](Context& c) { return space_members(s, c, MembershipState::kActive); });
  router.add(verb::delete_, "/api/v1/spaces/{s}/members/{h}", [&s](Context& c) {
    return change_json(s.spaces.remove(c.actor, c.request.param("s"), c.request.param("h")));
  });
  router.add(verb::get, "/api/v1/spaces/{s}/requests",
             [&s](Context& c) { return space_members(s, c, MembershipState::kRequested); });
  router.add(verb::post, "/api/v1/spaces/{s}/requests/{h}", [&s](Context& c) { return decide(s, c); });
  router.add(verb::post, "/api/v1/spaces/{s}/invites", [&s](Context& c) { return invite(s, c); });
  router.add(verb::post, "/api/v1/spaces/{s}/roles/{h}", [&s](Context& c) { return set_role(s, c); });
  router.add(verb::get, "/api/v1/me/invitations", [&s](Context& c) -> Response {
    KRING_HTTP_TRY(page, page_request(c.request));
    return reply(s.spaces.invitations(c.actor, page), 200,
                 [](const Page<social::SpaceView>& p) { return page_json(p, space_json); });
  });
}

}  // namespace kring::http
