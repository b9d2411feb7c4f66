#pragma once
// Which actions of the authorization table (social/policy.h) each route
// takes: the handler's service asks decide() under exactly these names. A
// route that takes none says why it is public (the health probe, logging
// in, registering, the metrics scrape with its own token). Static files are
// not routes: the dispatcher serves them for GET paths no route matches.
//
// check_route_actions() holds the router to this table both ways, so that a
// route added without a row, or a row left behind by a removed route, fails
// `kring roles --routes` and its CTest (cli.every_route_names_its_actions).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/router.h"
#include "social/policy.h"

namespace kring::http {

struct RouteActions {
  std::string_view method;  // as beast prints it: "GET", "POST", ...
  std::string_view pattern;
  std::vector<social::Action> actions;  // empty: public, see `public_because`
  std::string_view public_because = {};
};

const std::vector<RouteActions>& route_actions();

// The row of a route, or nullptr.
const RouteActions* find_route_actions(std::string_view method, std::string_view pattern);

// An error naming every route of `router` without a row, every row naming
// no route of it, and every row with neither actions nor a reason.
Status check_route_actions(const Router& router);

}  // namespace kring::http
