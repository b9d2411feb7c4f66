#pragma once
// Maps (method, path) to a handler. Patterns are literal segments and
// {name} parameters: "/api/v1/members/{h}/follow". Routes are added at
// start-up; matching is read-only and thread-safe afterwards.

#include <functional>
#include <string>
#include <vector>

#include "http/context.h"
#include "http/response.h"

namespace kring::http {

using Handler = std::function<Response(Context&)>;

// Whether the dispatcher reads a session (bearer token or cookie) before the
// handler runs. kNone is for endpoints with their own credential, such as
// /metrics and its scrape token, which is not a session token.
enum class RouteAuth { kSession, kNone };

struct Route {
  beast_http::verb method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  size_t index = 0;  // dense id, used by metrics
  RouteAuth auth = RouteAuth::kSession;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<beast_http::verb> allowed;  // methods of routes whose path matched
};

class Router {
 public:
  void add(beast_http::verb method, std::string pattern, Handler handler,
           RouteAuth auth = RouteAuth::kSession);
  RouteMatch match(beast_http::verb method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace kring::http
