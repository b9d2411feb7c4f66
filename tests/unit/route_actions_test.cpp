#include "http/route_actions.h"

#include <gtest/gtest.h>

namespace kring::http {
namespace {

beast_http::verb verb_of(std::string_view method) {
  return beast_http::string_to_verb({method.data(), method.size()});
}

// A router with exactly the routes the table names.
Router router_of_the_table() {
  Router router;
  for (const auto& row : route_actions()) {
    router.add(verb_of(row.method), std::string(row.pattern),
               [](Context&) { return Response::json(200, {}); });
  }
  return router;
}

TEST(RouteActions, ARouterWithExactlyTheTablesRoutesPasses) {
  EXPECT_TRUE(check_route_actions(router_of_the_table()).ok());
}

TEST(RouteActions, ARouteWithoutARowFailsNamingIt) {
  Router router = router_of_the_table();
  router.add(beast_http::verb::post, "/api/v1/items/{id}/pledges",
             [](Context&) { return Response::json(200, {}); });
  auto status = check_route_actions(router);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("no row for route POST /api/v1/items/{id}/pledges"),
            std::string::npos)
      << status.error().message;
}

TEST(RouteActions, ARowWhoseRouteIsGoneFailsNamingIt) {
  Router router;
  for (const auto& row : route_actions()) {
    if (row.pattern == "/api/v1/search") continue;
    router.add(verb_of(row.method), std::string(row.pattern),
               [](Context&) { return Response::json(200, {}); });
  }
  auto status = check_route_actions(router);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("row for no route: GET /api/v1/search"), std::string::npos)
      << status.error().message;
}

TEST(RouteActions, EveryRowNamesActionsOrSaysWhyItIsPublic) {
  for (const auto& row : route_actions()) {
    EXPECT_TRUE(!row.actions.empty() || !row.public_because.empty()) << row.pattern;
    EXPECT_FALSE(!row.actions.empty() && !row.public_because.empty()) << row.pattern;
  }
}

}  // namespace
}  // namespace kring::http
