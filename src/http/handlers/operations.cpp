#include "http/handlers/handlers.h"
#include "http/metrics.h"
#include "store/database.h"

namespace kring::http {

void register_operation_routes(Router& router, social::Services& services,
                               std::function<Metrics&()> metrics) {
  using beast_http::verb;
  router.add(verb::get, "/healthz", [&services](Context&) {
    // Healthy means the database answers, not just that the process runs.
    auto conn = services.db.lease();
    auto stmt = conn->prepare("SELECT 1");
    stmt.step();
    return Response::json(200, {{"status", "ok"}});
  });
  router.add(verb::get, "/metrics", [metrics](Context&) {
    Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics().render();
    return r;
  });
}

}  // namespace kring::http
