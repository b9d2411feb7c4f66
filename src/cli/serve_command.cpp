#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "http/dispatcher.h"
#include "http/handlers/handlers.h"
#include "http/server.h"
#include "social/services.h"

namespace kring::cli {

namespace {

struct ServeOptions {
  std::string data_dir = "data";
  std::string listen = "127.0.0.1:8080";
  std::string web_root = "web/dist";
  unsigned threads = 0;
  std::size_t body_limit = 1 << 20;
  int heartbeat_s = 15;
  std::vector<std::string> rate_limits;
  bool no_rate_limits = false;
  bool trust_proxy = false;
};

std::string rate_limit_help() {
  std::string help =
      "Override one rate limit, repeatable: NAME=COUNT/PERIOD (PERIOD: number and s, m, h "
      "or d), NAME=COUNT for stream caps, or NAME=off. Defaults:";
  for (const auto& row : social::rate_limit_table()) {
    help += " " + std::string(row.name) + "=" + social::format_rate_limit(row, row.defaults);
  }
  return help;
}

int serve(const ServeOptions& o) {
  auto colon = o.listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "kring serve: --listen must be HOST:PORT\n";
    return 2;
  }
  http::ServerOptions server_options;
  server_options.address = o.listen.substr(0, colon);
  try {
    int port = std::stoi(o.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    server_options.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    std::cerr << "kring serve: bad port in --listen " << o.listen << "\n";
    return 2;
  }
  server_options.threads = o.threads;
  server_options.body_limit = o.body_limit;
  server_options.heartbeat = std::chrono::seconds(o.heartbeat_s);

  auto limits =
      o.no_rate_limits ? social::RateLimitConfig::off() : social::RateLimitConfig::defaults();
  for (const auto& assignment : o.rate_limits) {
    if (auto status = limits.set(assignment); !status) {
      std::cerr << "kring serve: --rate-limit " << assignment << ": " << status.error().message
                << "\n";
      return 2;
    }
  }

  auto db = open_data_dir(o.data_dir);
  if (!db) {
    std::cerr << "kring serve: " << db.error().message << "\n";
    return 1;
  }
  social::Services services(**db, limits);
  http::Dispatcher* dispatcher_ptr = nullptr;
  http::Router router = http::build_router(services, [&]() -> http::Metrics& {
    return dispatcher_ptr->metrics();
  });
  http::StaticFiles static_files(o.web_root);
  http::Dispatcher dispatcher(router, services, static_files, o.trust_proxy);
  dispatcher_ptr = &dispatcher;
  http::Server server(server_options, dispatcher);
  if (auto status = server.listen(); !status) {
    std::cerr << "kring serve: " << status.error().message << "\n";
    return 1;
  }
  spdlog::info("kring serving on http://{}:{} data={}", server_options.address, server.port(),
               o.data_dir);
  server.run();
  spdlog::info("kring stopped");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the API and web app");
  cmd->add_option("--data", options->data_dir, "Data directory (holds kring.db)")
      ->capture_default_str();
  cmd->add_option("--listen", options->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  cmd->add_option("--web", options->web_root, "Directory of the built web app")
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads (0: one per core)");
  cmd->add_option("--body-limit", options->body_limit, "Largest request body in bytes")
      ->capture_default_str();
  cmd->add_option("--heartbeat", options->heartbeat_s, "Seconds between SSE heartbeats")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--rate-limit", options->rate_limits, rate_limit_help())
      ->type_name("NAME=COUNT/PERIOD");
  cmd->add_flag("--no-rate-limits", options->no_rate_limits,
                "Turn every rate limit off (tests, benchmarks); --rate-limit still sets one. "
                "The log-in throttle stays on");
  cmd->add_flag("--trust-proxy", options->trust_proxy,
                "Take the client address from the last X-Forwarded-For entry (only behind a "
                "reverse proxy that sets it)");
  cmd->callback([options] { set_exit_code(serve(*options)); });
}

}  // namespace kring::cli
