#pragma once
// Turns one parsed request into one response: route, authenticate, check
// CSRF, run the handler, map errors, record metrics, log one line.
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
  Dispatcher(const Router& router, social::Services& services, const StaticFiles& static_files);
  Response handle(const BeastRequest& raw, const std::string& client_address);
  Metrics& metrics() { return metrics_; }

 private:
  Response route(Request& request, size_t& route_index);
  // Fills ctx.actor from a bearer token or the session cookie.
  Status authenticate(Context& ctx);

  const Router& router_;
  social::Services& services_;
  const StaticFiles& static_files_;
  Metrics metrics_;
};

}  // namespace kring::http
