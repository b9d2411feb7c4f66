#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/cursor_secret.h"
#include "cli/data_dir.h"
#include "cli/periodic_task.h"
#include "http/dispatcher.h"
#include "http/handlers/handlers.h"
#include "http/map_tiles.h"
#include "http/same_origin.h"
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
  int follow_up_interval_s = 600;
  bool allow_remote_images = false;
  std::string public_origin;
  std::string metrics_token;
  std::string metrics_token_file;
  std::string metrics_listen;
  std::vector<std::string> rate_limits;
  bool no_rate_limits = false;
  bool trust_proxy = false;
  std::string map_tiles;
  std::string map_attribution;
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

// The shortest scrape token accepted: 128 bits as hex.
constexpr size_t kMinMetricsTokenBytes = 32;

// Splits HOST:PORT into options; false (after saying why) when malformed.
bool parse_listen(const char* flag, const std::string& listen, http::ServerOptions& out) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "kring serve: " << flag << " must be HOST:PORT\n";
    return false;
  }
  out.address = listen.substr(0, colon);
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    out.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    std::cerr << "kring serve: bad port in " << flag << " " << listen << "\n";
    return false;
  }
  return true;
}

// The scrape token from --metrics-token or the first line of
// --metrics-token-file (which keeps it out of `ps`); empty when neither.
Result<std::string> metrics_token(const ServeOptions& o) {
  std::string token = o.metrics_token;
  if (!o.metrics_token_file.empty()) {
    std::ifstream in(o.metrics_token_file);
    if (!in || !std::getline(in, token)) {
      return Error::invalid("metrics_token_file",
                            "cannot read --metrics-token-file " + o.metrics_token_file);
    }
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.empty()) {
      return Error::invalid("metrics_token_file",
                            "--metrics-token-file " + o.metrics_token_file + " is empty");
    }
  }
  if (!token.empty() && token.size() < kMinMetricsTokenBytes) {
    return Error::invalid("metrics_token", "the metrics token must be at least " +
                                               std::to_string(kMinMetricsTokenBytes) +
                                               " characters (e.g. `openssl rand -hex 32`)");
  }
  return token;
}

int serve(const ServeOptions& o) {
  http::ServerOptions server_options;
  if (!parse_listen("--listen", o.listen, server_options)) return 2;
  http::ServerOptions metrics_options;
  metrics_options.threads = 1;
  if (!o.metrics_listen.empty() &&
      !parse_listen("--metrics-listen", o.metrics_listen, metrics_options)) {
    return 2;
  }
  auto token = metrics_token(o);
  if (!token) {
    std::cerr << "kring serve: " << token.error().message << "\n";
    return 2;
  }
  if (!o.public_origin.empty() && http::normalize_origin(o.public_origin).empty()) {
    std::cerr << "kring serve: --public-origin must be http(s)://HOST[:PORT], got "
              << o.public_origin << "\n";
    return 2;
  }
  auto map_tiles = http::parse_map_tiles(o.map_tiles, o.map_attribution);
  if (!map_tiles) {
    std::cerr << "kring serve: " << map_tiles.error().message << "\n";
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

  // Before the data directory is created: a web root that holds it is refused.
  auto remote_images =
      o.allow_remote_images ? http::RemoteImages::kAllowed : http::RemoteImages::kBlocked;
  auto static_files =
      http::StaticFiles::open(o.web_root, o.data_dir, remote_images, map_tiles->origin);
  if (!static_files) {
    std::cerr << "kring serve: " << static_files.error().message << "\n";
    return 2;
  }
  auto db = open_data_dir(o.data_dir);
  if (!db) {
    std::cerr << "kring serve: " << db.error().message << "\n";
    return 1;
  }
  if (auto key = load_cursor_secret(o.data_dir); !key) {
    std::cerr << "kring serve: " << key.error().message << "\n";
    return 1;
  }
  social::Services services(**db, social::MarkdownOptions{.remote_images = o.allow_remote_images},
                            limits);
  http::Dispatcher* dispatcher_ptr = nullptr;
  auto metrics = [&]() -> http::Metrics& { return dispatcher_ptr->metrics(); };
  // --metrics-listen moves /metrics to its own listener; --metrics-token
  // guards it wherever it is served. Neither: nobody reads it.
  bool separate_metrics = !o.metrics_listen.empty();
  http::MetricsAccess public_metrics{!separate_metrics && !token->empty(), *token};
  http::Router router = http::build_router(services, metrics, public_metrics, *map_tiles);
  if (auto status = http::check_rate_limit_routes(router); !status) {
    std::cerr << "kring serve: " << status.error().message << "\n";
    return 2;
  }
  http::Dispatcher dispatcher(router, services, *static_files,
                              http::normalize_origin(o.public_origin), o.trust_proxy);
  dispatcher_ptr = &dispatcher;
  http::Server server(server_options, dispatcher);
  if (auto status = server.listen(); !status) {
    std::cerr << "kring serve: " << status.error().message << "\n";
    return 1;
  }

  // The metrics listener: /metrics and /healthz only, one thread.
  http::Router metrics_router;
  http::register_health_route(metrics_router, services);
  http::register_metrics_route(metrics_router, metrics, {true, *token});
  auto no_web = http::StaticFiles::open({}, {}, remote_images);
  http::Dispatcher metrics_dispatcher(metrics_router, services, *no_web);
  std::optional<http::Server> metrics_server;
  if (separate_metrics) {
    metrics_server.emplace(metrics_options, metrics_dispatcher);
    if (auto status = metrics_server->listen(); !status) {
      std::cerr << "kring serve: " << status.error().message << "\n";
      return 1;
    }
  }

  // Follow-up questions fall due by the day; a sweep every few minutes is
  // on time for them and costs one indexed query.
  PeriodicTask follow_ups("follow-ups", std::chrono::seconds(o.follow_up_interval_s), [&] {
    if (int asked = services.follow_ups.ask_due(now_micros()); asked > 0) {
      spdlog::info("asked {} follow-up question(s)", asked);
    }
  });
  // Overdue loans and expiring offers: the same housekeeping interval; a
  // due date or expiry a few minutes late is still on time.
  PeriodicTask loan_sweeps("loans", std::chrono::seconds(o.follow_up_interval_s), [&] {
    const Micros now = now_micros();
    const int reminded = services.loan_sweeps.remind_overdue(now);
    const int noticed = services.loan_sweeps.notice_expiring(now);
    const int expired = services.loan_sweeps.expire_due(now);
    if (reminded + noticed + expired > 0) {
      spdlog::info("loans: {} overdue reminded, {} offer(s) about to expire noticed, {} expired",
                   reminded, noticed, expired);
    }
  });
  // Initiatives waiting for their minimum are settled at their deadline,
  // on the same housekeeping interval.
  PeriodicTask initiative_deadlines(
      "initiative-deadlines", std::chrono::seconds(o.follow_up_interval_s), [&] {
        if (int settled = services.contributions.settle_due(now_micros()); settled > 0) {
          spdlog::info("settled {} initiative(s) at their deadline", settled);
        }
      });
  spdlog::info("kring serving on http://{}:{} data={} web_files={}", server_options.address,
               server.port(), o.data_dir, static_files->file_count());
  std::thread metrics_thread;
  if (metrics_server) {
    spdlog::info("kring metrics on http://{}:{}/metrics", metrics_options.address,
                 metrics_server->port());
    metrics_thread = std::thread([&] { metrics_server->run(); });
  }
  server.run();
  if (metrics_server) {
    metrics_server->stop();
    metrics_thread.join();
  }
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
  cmd->add_option("--web", options->web_root,
                  "Directory of the built web app; must not contain the data directory")
      ->capture_default_str();
  cmd->add_flag("--allow-remote-images", options->allow_remote_images,
                "Show images from other sites in posts (off: they become links, so readers' "
                "addresses are not sent to third parties)");
  cmd->add_option("--public-origin", options->public_origin,
                  "Origin browsers use, e.g. https://kring.example, when a proxy rewrites Host");
  auto* token = cmd->add_option("--metrics-token", options->metrics_token,
                                "Serve /metrics only with 'Authorization: Bearer TOKEN'");
  cmd->add_option("--metrics-token-file", options->metrics_token_file,
                  "Read the metrics token from this file's first line")
      ->excludes(token);
  cmd->add_option("--metrics-listen", options->metrics_listen,
                  "HOST:PORT of a separate listener for /metrics (off the public one)");
  cmd->add_option("--threads", options->threads, "Worker threads (0: one per core)");
  cmd->add_option("--body-limit", options->body_limit, "Largest request body in bytes")
      ->capture_default_str();
  cmd->add_option("--heartbeat", options->heartbeat_s, "Seconds between SSE heartbeats")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--follow-up-interval", options->follow_up_interval_s,
                  "Seconds between housekeeping sweeps: follow-up questions that fell due (is it "
                  "fixed?), initiative deadlines, overdue loans and expiring offers")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  cmd->add_option("--rate-limit", options->rate_limits, rate_limit_help())
      ->type_name("NAME=COUNT/PERIOD");
  cmd->add_flag("--no-rate-limits", options->no_rate_limits,
                "Turn every rate limit off (tests, benchmarks); --rate-limit still sets one. "
                "The log-in throttle stays on");
  cmd->add_flag("--trust-proxy", options->trust_proxy,
                "Take the client address from the last X-Forwarded-For entry (only behind a "
                "reverse proxy that sets it)");
  cmd->add_option("--map-tiles", options->map_tiles,
                  "Tile URL template for the map, e.g. https://tiles.example/{z}/{x}/{y}.png "
                  "(https only, http for localhost). None by default: the map draws a plain "
                  "base layer and readers' browsers ask no tile server")
      ->type_name("URL");
  cmd->add_option("--map-attribution", options->map_attribution,
                  "Text shown under the map for the tiles' source, e.g. their licence")
      ->type_name("TEXT");
  cmd->callback([options] { set_exit_code(serve(*options)); });
}

}  // namespace kring::cli
