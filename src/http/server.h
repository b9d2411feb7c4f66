#pragma once
// The HTTP/1.1 server: Boost.Beast over Asio, keep-alive, a thread pool
// sized to the cores, limits on header and body size, timeouts for idle and
// slow connections, and graceful shutdown on SIGTERM/SIGINT.

#include <chrono>
#include <cstddef>
#include <string>

#include "core/result.h"
#include "http/dispatcher.h"

namespace kring::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;                        // 0: one per core
  std::size_t body_limit = 1 << 20;            // 413 above it
  std::size_t header_limit = 16 * 1024;        // 431 above it
  std::chrono::seconds request_timeout{30};    // whole request, incl. slow senders
  std::chrono::seconds idle_timeout{60};       // keep-alive between requests
  std::chrono::seconds heartbeat{15};          // SSE comment line interval
  std::chrono::seconds shutdown_grace{10};
};

class Server {
 public:
  Server(ServerOptions options, Dispatcher& dispatcher);
  ~Server();

  // Binds and listens. 400-class Error when the address is bad or taken.
  Status listen();
  // The port actually bound (useful when options.port was 0).
  unsigned short port() const;
  // Serves until SIGINT/SIGTERM or stop(); then stops accepting, lets
  // in-flight requests finish (up to shutdown_grace) and returns.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kring::http
