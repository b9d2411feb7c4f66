#pragma once
// Turns one parsed request into one response: route, refuse foreign
// requests (a body that is not JSON: 415; a write whose Origin is another
// site: 403), authenticate, check CSRF, count the route's rate limits
// (social/rate_limits.h: the rows that name a route), run the handler, map
// errors, record metrics, log one line.
// Handlers never see a request that failed those steps.
//
// The client address is the socket's peer; with trust_proxy, the last entry
// of X-Forwarded-For (what the operator's reverse proxy saw) when present.
//
// Thread-safe: called concurrently from every server thread.

#include <string>
#include <vector>

#include "http/metrics.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/static_files.h"
#include "social/services.h"

namespace kring::http {

inline constexpr std::string_view kSessionCookie = "kring_session";

// Every rate limit that names a route names one of this router's: an error
// saying which one does not (a typo in the table would silently limit nothing).
Status check_rate_limit_routes(const Router& router);

class Dispatcher {
 public:
  // public_origin: kring serve --public-origin, the origin browsers see when
  // a proxy rewrites Host (may be empty). Rate limits count on the routes of
  // this router that their rows name.
  Dispatcher(const Router& router, social::Services& services, const StaticFiles& static_files,
             std::string public_origin = {}, bool trust_proxy = false);
  Response handle(const BeastRequest& raw, const std::string& client_address);
  Metrics& metrics() { return metrics_; }

 private:
  Response route(Request& request, size_t& route_index);
  // Fills ctx.actor from a bearer token or the session cookie.
  Status authenticate(Context& ctx);
  // 415 for a body that is not application/json; 403 for an unsafe method
  // whose Origin header names another site. nullopt: go on.
  std::optional<Response> refuse_foreign_request(const Request& request) const;
  // Counts one request against every rate limit of the route; 429 when one
  // is spent.
  Status take_rate_limits(const Context& ctx, size_t route_index);
  Status take_rate_limit(const social::RateLimitRow& row, const Context& ctx);

  const Router& router_;
  social::Services& services_;
  const StaticFiles& static_files_;
  std::string public_origin_;
  Metrics metrics_;
  bool trust_proxy_;
  // By route index: the rate limits that count requests to it.
  std::vector<std::vector<social::RateLimitId>> route_limits_;
};

}  // namespace kring::http
