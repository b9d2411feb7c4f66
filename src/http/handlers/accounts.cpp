#include "http/dispatcher.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"

namespace kring::http {

namespace {

std::string session_cookie(const std::string& token, Micros lifetime) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(lifetime / 1'000'000);
}

Response session_response(int status, const social::IssuedSession& s) {
  nlohmann::json body = {{"token", s.token},
                         {"csrf_token", s.csrf_token},
                         {"member", member_json(social::view_of_self(s.member), false)}};
  Response r = Response::json(status, body);
  r.headers.emplace_back("Set-Cookie", session_cookie(s.token, social::kSessionLifetime));
  return r;
}

Response create_account(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"handle", "email", "password"}));
  KRING_HTTP_TRY(handle, required_string(body, "handle", 256));
  KRING_HTTP_TRY(email, required_string(body, "email", 512));
  KRING_HTTP_TRY(password, required_string(body, "password", 1024));
  auto issued = services.accounts.register_member({handle, email, password});
  if (!issued) return Response::error(issued.error());
  return session_response(201, *issued);
}

Response create_session(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"login", "password"}));
  KRING_HTTP_TRY(login, required_string(body, "login", 512));
  KRING_HTTP_TRY(password, required_string(body, "password", 1024));
  auto issued = services.accounts.log_in(login, password, ctx.request.client_address);
  if (!issued) return Response::error(issued.error());
  return session_response(201, *issued);
}

Response delete_session(social::Services& services, Context& ctx) {
  auto status = services.accounts.log_out(ctx.actor);
  if (!status) return Response::error(status.error());
  Response r = Response::no_content();
  r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) +
                                           "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  return r;
}

Response get_me(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(view, services.members.me(ctx.actor));
  nlohmann::json body = member_json(view, true);
  // The browser app reloads and needs its CSRF token back; other origins
  // cannot read this response, so handing it out here is safe.
  if (ctx.via_cookie) body["csrf_token"] = ctx.csrf_token;
  return Response::json(200, body);
}

Result<social::ProfilePatch> read_profile_patch(const std::string& text) {
  auto body = parse_object(text, {"display_name", "bio", "skills", "interests", "home_place",
                                  "avatar_url", "visibility"});
  if (!body) return std::move(body).error();
  social::ProfilePatch patch;
  auto take = [&](const char* field, std::optional<std::string>& out) -> Status {
    auto value = optional_string(*body, field);
    if (!value) return std::move(value).error();
    out = std::move(*value);
    return {};
  };
  KRING_TRY(take("display_name", patch.display_name));
  KRING_TRY(take("bio", patch.bio));
  KRING_TRY(take("home_place", patch.home_place));
  KRING_TRY(take("avatar_url", patch.avatar_url));
  for (auto [field, out] : {std::pair{"skills", &patch.skills}, {"interests", &patch.interests}}) {
    auto list = optional_string_list(*body, field, 1000, 4096);
    if (!list) return std::move(list).error();
    *out = std::move(*list);
  }
  if (auto it = body->find("visibility"); it != body->end() && !it->is_null()) {
    if (!it->is_object()) {
      return Error::invalid("invalid_type", "field 'visibility' must be an object");
    }
    for (const auto& [name, value] : it->items()) {
      auto field = parse_profile_field(name);
      if (!field) return Error::invalid("unknown_field", "unknown visibility field '" + name.substr(0, 64) + "'");
      auto vis = value.is_string() ? parse_visibility(value.get<std::string>()) : std::nullopt;
      if (!vis) {
        return Error::invalid("invalid_visibility",
                              "visibility." + name + " must be public, members or connections");
      }
      patch.visibility.emplace_back(*field, *vis);
    }
  }
  return patch;
}

Response patch_me(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(patch, read_profile_patch(ctx.request.body()));
  return reply(services.members.update_profile(ctx.actor, patch), 200,
               [](const social::MemberView& v) { return member_json(v, true); });
}

Response put_password(social::Services& services, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"current_password", "new_password"}));
  KRING_HTTP_TRY(current, required_string(body, "current_password", 1024));
  KRING_HTTP_TRY(replacement, required_string(body, "new_password", 1024));
  return reply(services.accounts.change_password(ctx.actor, current, replacement,
                                                 ctx.request.client_address));
}

}  // namespace

void register_account_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::post, "/api/v1/accounts", [&s](Context& c) { return create_account(s, c); });
  router.add(verb::post, "/api/v1/sessions", [&s](Context& c) { return create_session(s, c); });
  router.add(verb::delete_, "/api/v1/sessions/current",
             [&s](Context& c) { return delete_session(s, c); });
  router.add(verb::get, "/api/v1/me", [&s](Context& c) { return get_me(s, c); });
  router.add(verb::patch, "/api/v1/me", [&s](Context& c) { return patch_me(s, c); });
  router.add(verb::put, "/api/v1/me/password", [&s](Context& c) { return put_password(s, c); });
}

}  // namespace kring::http
