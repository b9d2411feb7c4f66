// `kring routes`: prints every route of the API router, one per line as
// "METHOD PATTERN" (e.g. "GET /api/v1/members/{h}"), in registration order.
// Tests read it so that a sweep over the API covers routes added later
// (tests/api/test_secret_sweep.py). The router is the one `serve` builds,
// over a throw-away database in a temporary directory that is removed again.

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "http/handlers/handlers.h"
#include "http/metrics.h"
#include "social/services.h"

namespace kring::cli {
namespace {

int print_routes() {
  std::error_code ec;
  const auto base = std::filesystem::temp_directory_path(ec);
  if (ec) {
    std::cerr << "kring routes: no temporary directory: " << ec.message() << "\n";
    return 1;
  }
  const auto dir = base / ("kring-routes-" + std::to_string(std::random_device{}()));
  int status = 0;
  {
    auto db = open_data_dir(dir.string());
    if (!db) {
      std::cerr << "kring routes: " << db.error().message << "\n";
      status = 1;
    } else {
      social::Services services(**db);
      // The handlers are never called, so the metrics they would resolve are never needed.
      http::Router router = http::build_router(services, []() -> http::Metrics& {
        std::cerr << "kring routes: metrics requested\n";
        std::abort();
      });
      for (const auto& route : router.routes()) {
        std::cout << http::beast_http::to_string(route.method) << ' ' << route.pattern << '\n';
      }
    }
  }
  std::filesystem::remove_all(dir, ec);
  return status;
}

}  // namespace

void add_routes_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("routes", "Print the API's routes, one \"METHOD PATTERN\" a line");
  cmd->callback([] { set_exit_code(print_routes()); });
}

}  // namespace kring::cli
