#pragma once
// Turns one parsed request into one response: route, refuse foreign
// requests (a body that is not JSON: 415; a write whose Origin is another
// site: 403), authenticate, check CSRF, run the handler, map errors, record
// metrics, log one line.
// Handlers never see a request that failed those steps.
//
// Thread-safe: called concurrently from every server thread.

#include <string>

#include "http/metrics.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/static_files.h"
#include "social/services.h"

namespace kring::http {

inline constexpr std::string_view kSessionCookie = "kring_session";

class Dispatcher {
 public:
  // public_origin: kring serve --public-origin, the origin browsers see when
  // a proxy rewrites Host (may be empty).
  Dispatcher(const Router& router, social::Services& services, const StaticFiles& static_files,
             std::string public_origin = {});
  Response handle(const BeastRequest& raw, const std::string& client_address);
  Metrics& metrics() { return metrics_; }

 private:
  Response route(Request& request, size_t& route_index);
  // Fills ctx.actor from a bearer token or the session cookie.
  Status authenticate(Context& ctx);
  // 415 for a body that is not application/json; 403 for an unsafe method
  // whose Origin header names another site. nullopt: go on.
  std::optional<Response> refuse_foreign_request(const Request& request) const;

  const Router& router_;
  social::Services& services_;
  const StaticFiles& static_files_;
  std::string public_origin_;
  Metrics metrics_;
};

}  // namespace kring::http
