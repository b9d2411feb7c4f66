// `kring routes`: prints every route of the API router, one per line as
// "METHOD PATTERN" (e.g. "GET /api/v1/members/{h}"), in registration order.
// Tests read it so that a sweep over the API covers routes added later
// (tests/api/test_secret_sweep.py).

#include <iostream>

#include "cli/commands.h"
#include "cli/throwaway_router.h"

namespace kring::cli {
namespace {

int print_routes() {
  return with_throwaway_router("routes", [](const http::Router& router) {
    for (const auto& route : router.routes()) {
      std::cout << http::beast_http::to_string(route.method) << ' ' << route.pattern << '\n';
    }
    return 0;
  });
}

}  // namespace

void add_routes_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("routes", "Print the API's routes, one \"METHOD PATTERN\" a line");
  cmd->callback([] { set_exit_code(print_routes()); });
}

}  // namespace kring::cli
