#pragma once
// Turns one parsed request into one response: route, authenticate, check
// CSRF, count the route's rate limits (social/rate_limits.h: the rows that
// name a route), run the handler, map errors, record metrics, log one line.
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

class Dispatcher {
 public:
  // Throws std::logic_error when a rate limit names a route the router lacks.
  Dispatcher(const Router& router, social::Services& services, const StaticFiles& static_files,
             bool trust_proxy = false);
  Response handle(const BeastRequest& raw, const std::string& client_address);
  Metrics& metrics() { return metrics_; }

 private:
  Response route(Request& request, size_t& route_index);
  // Fills ctx.actor from a bearer token or the session cookie.
  Status authenticate(Context& ctx);
  // Counts one request against every rate limit of the route; 429 when one
  // is spent.
  Status take_rate_limits(const Context& ctx, size_t route_index);
  Status take_rate_limit(const social::RateLimitRow& row, const Context& ctx);

  const Router& router_;
  social::Services& services_;
  const StaticFiles& static_files_;
  Metrics metrics_;
  bool trust_proxy_;
  // By route index: the rate limits that count requests to it.
  std::vector<std::vector<social::RateLimitId>> route_limits_;
};

}  // namespace kring::http
