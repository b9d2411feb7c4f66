#include "http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>
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

std::vector<std::vector<social::RateLimitId>> limits_by_route(const Router& router) {
  std::vector<std::vector<social::RateLimitId>> out(router.routes().size());
  for (const auto& row : social::rate_limit_table()) {
    for (const auto& route : router.routes()) {
      if (std::string(beast_http::to_string(route.method)) + " " + route.pattern == row.route) {
        out[route.index].push_back(row.id);
      }
    }
  }
  return out;
}

// The last X-Forwarded-For entry: the address the operator's proxy saw (the
// entries before it are whatever the client claimed).
std::string forwarded_client(std::string_view header, const std::string& peer) {
  auto comma = header.rfind(',');
  std::string_view last = comma == std::string_view::npos ? header : header.substr(comma + 1);
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  return last.empty() ? peer : std::string(last);
}

}  // namespace

Status check_rate_limit_routes(const Router& router) {
  auto names = route_names(router);
  for (const auto& row : social::rate_limit_table()) {
    if (row.route.empty()) continue;
    if (std::find(names.begin(), names.end(), row.route) == names.end()) {
      return Error::invalid("rate_limits", "rate limit " + std::string(row.name) +
                                               " names no route: " + std::string(row.route));
    }
  }
  return {};
}

Dispatcher::Dispatcher(const Router& router, social::Services& services,
                       const StaticFiles& static_files, std::string public_origin,
                       bool trust_proxy)
    : router_(router),
      services_(services),
      static_files_(static_files),
      public_origin_(std::move(public_origin)),
      metrics_(route_names(router)),
      trust_proxy_(trust_proxy),
      route_limits_(limits_by_route(router)) {}

Status Dispatcher::take_rate_limits(const Context& ctx, size_t route_index) {
  const auto& limits = route_limits_[route_index];
  // A route limited per member is for members: the handler refuses an
  // anonymous caller (401) before doing any work, so nothing is counted.
  if (!ctx.actor.signed_in() && std::any_of(limits.begin(), limits.end(), [](auto id) {
        return social::rate_limit_row(id).key == social::LimitKey::kMember;
      })) {
    return {};
  }
  // Member rows first: a member past their own budget does not spend the
  // budget of everyone behind the same address.
  for (auto key_kind : {social::LimitKey::kMember, social::LimitKey::kAddress}) {
    for (social::RateLimitId id : limits) {
      const auto& row = social::rate_limit_row(id);
      if (row.key != key_kind) continue;
      KRING_TRY(take_rate_limit(row, ctx));
    }
  }
  return {};
}

Status Dispatcher::take_rate_limit(const social::RateLimitRow& row, const Context& ctx) {
  std::string key = row.key == social::LimitKey::kAddress
                        ? social::address_key(ctx.request.client_address)
                        : std::to_string(ctx.actor.id);
  int wait = services_.rate_limiter.take(row.id, key);
  if (wait == 0) return {};
  Error e{ErrorCode::kRateLimited, "rate_limited",
          "too many requests (" + std::string(row.name) + " is " +
              social::format_rate_limit(row, services_.rate_limiter.setting(row.id)) +
              "); try again in " + std::to_string(wait) + " s"};
  e.retry_after_s = wait;
  return e;
}

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
  if (auto status = take_rate_limits(ctx, route_index); !status) {
    return Response::error(status.error());
  }
  return match.route->handler(ctx);
}

Response Dispatcher::handle(const BeastRequest& raw, const std::string& client_address) {
  auto started = std::chrono::steady_clock::now();
  Request request;
  request.raw = &raw;
  request.method = raw.method();
  request.client_address = client_address;
  if (trust_proxy_) {
    std::string_view forwarded = request.header("X-Forwarded-For");
    if (!forwarded.empty()) request.client_address = forwarded_client(forwarded, client_address);
  }
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
