#include "http/handlers/handlers.h"
#include "http/metrics.h"

namespace kring::http {

namespace {

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

void register_health_route(Router& router, social::Services& services) {
  router.add(beast_http::verb::get, "/healthz", [&services](Context&) {
    // Healthy means the database answers, not just that the process runs.
    services.health.check_database();
    return Response::json(200, {{"status", "ok"}});
  });
}

void register_metrics_route(Router& router, std::function<Metrics&()> metrics,
                            MetricsAccess access) {
  // The scrape token is not a session token, so the dispatcher must not read
  // it as one (RouteAuth::kNone); this handler is the only check.
  router.add(
      beast_http::verb::get, "/metrics",
      [metrics, access](Context& ctx) {
        // Same answer as a path that does not exist: nothing says metrics are here.
        if (!access.served) return Response::error(404, "not_found", "no such endpoint");
        if (!access.token.empty()) {
          std::string_view authorization = ctx.request.header("Authorization");
          bool bearer = authorization.starts_with("Bearer ");
          if (!bearer || !constant_time_equal(authorization.substr(7), access.token)) {
            Response r = Response::error(401, "unauthenticated",
                                         "metrics need 'Authorization: Bearer <metrics token>'");
            r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"kring metrics\"");
            return r;
          }
        }
        Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics().render();
        return r;
      },
      RouteAuth::kNone);
}

void register_operation_routes(Router& router, social::Services& services,
                               std::function<Metrics&()> metrics, MetricsAccess access) {
  register_health_route(router, services);
  register_metrics_route(router, std::move(metrics), std::move(access));
}

}  // namespace kring::http
