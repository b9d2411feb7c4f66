#include "http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "http/compression.h"
#include "http/json_input.h"
#include "http/same_origin.h"

namespace kring::http {

namespace {

std::vector<std::string> route_names(const Router& router) {
  std::vector<std::string> names;
  for (const auto& route : router.routes()) {
    names.push_back(std::string(beast_http::to_string(route.method)) + " " + route.pattern);
  }
  names.push_back("GET static");
  return names;
}

bool is_safe_method(beast_http::verb method) {
  return method == beast_http::verb::get || method == beast_http::verb::head ||
         method == beast_http::verb::options;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Dispatcher::Dispatcher(const Router& router, social::Services& services,
                       const StaticFiles& static_files, std::string public_origin)
    : router_(router),
      services_(services),
      static_files_(static_files),
      public_origin_(std::move(public_origin)),
      metrics_(route_names(router)) {}

Status Dispatcher::authenticate(Context& ctx) {
  std::string_view authorization = ctx.request.header("Authorization");
  std::string token;
  if (!authorization.empty()) {
    if (!authorization.starts_with("Bearer ")) {
      return Error::unauthenticated("Authorization must be 'Bearer <token>'");
    }
    token = std::string(authorization.substr(7));
  } else {
    token = ctx.request.cookie(kSessionCookie);
    if (token.empty()) return {};
    ctx.via_cookie = true;
  }
  auto session = services_.accounts.authenticate(token);
  if (!session) {
    // A stale cookie makes the caller anonymous; a bad bearer token is an error.
    if (ctx.via_cookie) {
      ctx.via_cookie = false;
      return {};
    }
    return std::move(session).error();
  }
  ctx.actor = session->actor;
  ctx.csrf_token = session->csrf_token;
  ctx.session_token = token;
  // Double-submit CSRF defence: a cross-site form can send the cookie but
  // cannot read the csrf token the API returned to our own page.
  if (ctx.via_cookie && !is_safe_method(ctx.request.method) &&
      !constant_time_equal(ctx.request.header("X-CSRF-Token"), ctx.csrf_token)) {
    Error e = Error::forbidden("missing or wrong X-CSRF-Token header");
    e.reason = "csrf_failed";
    return e;
  }
  return {};
}

std::optional<Response> Dispatcher::refuse_foreign_request(const Request& request) const {
  // Every body the API reads is JSON; checking here, once, means no handler
  // can forget it. A cross-site form posts text/plain or form data without a
  // CORS preflight, so it never gets a body past this line.
  if (!request.body().empty() && !is_json_media_type(request.header("Content-Type"))) {
    return Response::error(415, "unsupported_media_type",
                           "request bodies must be sent as Content-Type: application/json");
  }
  // Browsers send Origin on cross-site writes. A write from another site's
  // page (login CSRF on POST /api/v1/sessions, sign-up, or any other write)
  // is refused; clients that send no Origin (curl, apps) are not affected.
  std::string_view origin = request.header("Origin");
  if (!origin.empty() && !is_safe_method(request.method) &&
      !is_own_origin(origin, request.header("Host"), public_origin_)) {
    return Response::error(403, "cross_origin",
                           "requests from another site's pages are not accepted");
  }
  return std::nullopt;
}

Response Dispatcher::route(Request& request, size_t& route_index) {
  bool api = request.path == "/healthz" || request.path == "/metrics" ||
             request.path.starts_with("/api/");
  if (!api) {
    route_index = router_.routes().size();  // "GET static"
    if (request.method != beast_http::verb::get && request.method != beast_http::verb::head) {
      return Response::error(405, "method_not_allowed", "only GET is allowed here");
    }
    return static_files_.serve(request);
  }
  auto match = router_.match(request.method, request.path);
  if (!match.route) {
    if (!match.allowed.empty()) {
      Response r = Response::error(405, "method_not_allowed", "method not allowed on this path");
      std::string allow;
      for (auto verb : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += std::string(beast_http::to_string(verb));
      }
      r.headers.emplace_back("Allow", allow);
      return r;
    }
    return Response::error(404, "not_found", "no such endpoint");
  }
  route_index = match.route->index;
  request.params = std::move(match.params);
  if (auto refused = refuse_foreign_request(request)) return std::move(*refused);
  Context ctx{request};
  if (match.route->auth == RouteAuth::kSession) {
    if (auto status = authenticate(ctx); !status) return Response::error(status.error());
  }
  return match.route->handler(ctx);
}

Response Dispatcher::handle(const BeastRequest& raw, const std::string& client_address) {
  auto started = std::chrono::steady_clock::now();
  Request request;
  request.raw = &raw;
  request.method = raw.method();
  request.client_address = client_address;
  size_t route_index = metrics_.unmatched_index();
  Response response;
  std::string_view target(raw.target().data(), raw.target().size());
  if (!parse_target(target, request.path, request.query)) {
    response = Response::error(400, "invalid_target", "request path or query is malformed");
  } else {
    try {
      response = route(request, route_index);
      compress_response(response, request.header("Accept-Encoding"));
    } catch (const std::exception& e) {
      spdlog::error("unhandled exception path={} what={}", request.path, e.what());
      response = Response::error(500, "internal", "internal error; it has been logged");
    }
  }
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count();
  metrics_.record(route_index, response.status, static_cast<double>(micros) / 1e6);
  spdlog::info("method={} path={} status={} us={}",
               std::string(beast_http::to_string(request.method)),
               request.path.empty() ? target : std::string_view(request.path), response.status,
               micros);
  return response;
}

}  // namespace kring::http
