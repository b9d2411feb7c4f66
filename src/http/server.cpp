#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <mutex>
#include <set>
#include <thread>

#include "http/event_stream.h"

namespace kring::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

class Session;

constexpr auto kLingerTime = std::chrono::seconds(5);

// Live sessions, so shutdown can close idle keep-alive connections at once.
class SessionRegistry {
 public:
  void add(const std::shared_ptr<Session>& s) {
    std::lock_guard lock(mutex_);
    sessions_.insert(s);
  }
  void remove(const std::weak_ptr<Session>& s) {
    std::lock_guard lock(mutex_);
    sessions_.erase(s);
  }
  std::vector<std::shared_ptr<Session>> live() {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<Session>> out;
    for (const auto& w : sessions_) {
      if (auto s = w.lock()) out.push_back(std::move(s));
    }
    return out;
  }

 private:
  std::mutex mutex_;
  std::set<std::weak_ptr<Session>, std::owner_less<std::weak_ptr<Session>>> sessions_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, const ServerOptions& options, Dispatcher& dispatcher,
          SessionRegistry& registry, std::atomic<bool>& stopping)
      : stream_(std::move(socket)),
        options_(options),
        dispatcher_(dispatcher),
        registry_(registry),
        stopping_(stopping),
        heartbeat_(stream_.get_executor()) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) client_address_ = endpoint.address().to_string();
  }

  ~Session() {
    if (event_stream_) event_stream_->close();
  }

  void start() {
    registry_.add(shared_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(true); });
  }

  // Called from another thread at shutdown.
  void shut_down() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->reading_ || self->event_stream_) self->close();
    });
  }

 private:
  void read(bool first) {
    if (stopping_) return close();
    reading_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.header_limit));
    parser_->body_limit(options_.body_limit);
    // The first request gets request_timeout; later ones on a kept-alive
    // connection may idle for idle_timeout before their first byte, but a
    // sender that dribbles bytes still has to finish within the deadline.
    stream_.expires_after(first ? options_.request_timeout : options_.idle_timeout);
    beast::http::async_read(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->on_read(ec);
                            });
  }

  void on_read(beast::error_code ec) {
    reading_ = false;
    if (ec == beast::http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::eof) {
      return close();
    }
    if (ec == beast::http::error::body_limit) {
      return send_error(413, "body_too_large",
                        "request body exceeds " + std::to_string(options_.body_limit) + " bytes");
    }
    if (ec == beast::http::error::header_limit) {
      return send_error(431, "headers_too_large", "request headers are too large");
    }
    if (ec) return send_error(400, "bad_request", "malformed HTTP request");
    request_ = parser_->release();
    Response response = dispatcher_.handle(request_, client_address_);
    if (response.event_stream) return start_event_stream(std::move(response));
    write(std::move(response), request_.keep_alive() && !stopping_, request_.version(),
          request_.method() == beast::http::verb::head);
  }

  // The request was refused before its body was read: the client may still
  // be sending it, so close lingering or it gets a reset instead of the error.
  void send_error(int status, const char* code, std::string message) {
    linger_on_close_ = true;
    write(Response::error(status, code, std::move(message)), false, 11, false);
  }

  void write(Response response, bool keep_alive, unsigned version, bool head) {
    auto res = std::make_shared<beast::http::response<beast::http::string_body>>(
        static_cast<beast::http::status>(response.status), version);
    res->set(beast::http::field::server, "kring");
    if (!response.content_type.empty()) {
      res->set(beast::http::field::content_type, response.content_type);
    }
    for (auto& [name, value] : response.headers) res->insert(name, value);
    // API answers are private and current unless the handler says how to cache them.
    if (response.content_type == "application/json" &&
        res->find(beast::http::field::cache_control) == res->end()) {
      res->set(beast::http::field::cache_control, "no-store");
    }
    res->keep_alive(keep_alive);
    res->body() = std::move(response.body);
    res->prepare_payload();
    if (head) res->body().clear();
    stream_.expires_after(options_.request_timeout);
    beast::http::async_write(stream_, *res,
                             [self = shared_from_this(), res, keep_alive](beast::error_code ec,
                                                                          std::size_t) {
                               if (ec) return self->close();
                               if (!keep_alive) {
                                 return self->linger_on_close_ ? self->linger_close()
                                                               : self->close();
                               }
                               self->read(false);
                             });
  }

  // SSE: headers once, then events as they come and a comment line as a
  // heartbeat, so proxies keep the connection and clients notice drops.
  void start_event_stream(Response response) {
    event_stream_ = response.event_stream;
    std::string head =
        "HTTP/1.1 200 OK\r\nServer: kring\r\nContent-Type: text/event-stream\r\n"
        "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\n";
    outgoing_ = head + response.body;
    std::weak_ptr<Session> weak = shared_from_this();
    auto executor = stream_.get_executor();
    event_stream_->on_ready([weak, executor] {
      net::post(executor, [weak] {
        if (auto self = weak.lock()) self->flush_events();
      });
    });
    stream_.expires_never();
    flush_events();
    schedule_heartbeat();
  }

  void flush_events() {
    if (!event_stream_ || writing_) return;
    outgoing_ += event_stream_->take();
    if (outgoing_.empty()) {
      if (event_stream_->closed()) close();
      return;
    }
    writing_ = true;
    auto buffer = std::make_shared<std::string>(std::move(outgoing_));
    outgoing_.clear();
    net::async_write(stream_.socket(), net::buffer(*buffer),
                     [self = shared_from_this(), buffer](beast::error_code ec, std::size_t) {
                       self->writing_ = false;
                       if (ec) return self->close();
                       self->flush_events();
                     });
  }

  void schedule_heartbeat() {
    heartbeat_.expires_after(options_.heartbeat);
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->event_stream_ || self->closed_) return;
      self->outgoing_ += ": heartbeat\n\n";
      self->flush_events();
      self->schedule_heartbeat();
    });
  }

  // Lingering close, as nginx's lingering_close: stop sending, then read and
  // discard what the client still sends until it closes or time runs out.
  void linger_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(kLingerTime);
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->drain();
                            });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    if (event_stream_) event_stream_->close();
    heartbeat_.cancel();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
    registry_.remove(weak_from_this());
  }

  beast::tcp_stream stream_;
  const ServerOptions& options_;
  Dispatcher& dispatcher_;
  SessionRegistry& registry_;
  std::atomic<bool>& stopping_;
  net::steady_timer heartbeat_;
  beast::flat_buffer buffer_;
  std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
  BeastRequest request_;
  std::string client_address_;
  std::shared_ptr<EventStream> event_stream_;
  std::string outgoing_;
  std::array<char, 16 * 1024> drain_buffer_;
  bool linger_on_close_ = false;
  bool reading_ = false;
  bool writing_ = false;
  bool closed_ = false;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions opts, Dispatcher& d)
      : options(std::move(opts)),
        dispatcher(d),
        threads(options.threads ? options.threads
                                : std::max(1u, std::thread::hardware_concurrency())),
        ioc(static_cast<int>(threads)),
        acceptor(net::make_strand(ioc)),
        signals(ioc, SIGINT, SIGTERM) {}

  void accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (stopping) return;
      if (!ec) {
        std::make_shared<Session>(std::move(socket), options, dispatcher, registry, stopping)
            ->start();
      }
      accept();
    });
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutting down: no new connections, finishing in-flight requests");
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    for (auto& session : registry.live()) session->shut_down();
  }

  ServerOptions options;
  Dispatcher& dispatcher;
  unsigned threads;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::signal_set signals;
  SessionRegistry registry;
  std::atomic<bool> stopping{false};
};

Server::Server(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() = default;

Status Server::listen() {
  beast::error_code ec;
  auto address = net::ip::make_address(impl_->options.address, ec);
  if (ec) return Error::invalid("bad_address", "cannot parse address " + impl_->options.address);
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::invalid("listen_failed", "cannot listen on " + impl_->options.address + ":" +
                                               std::to_string(impl_->options.port) + ": " +
                                               ec.message());
  }
  return {};
}

unsigned short Server::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void Server::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->begin_shutdown();
  });
  impl_->accept();
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < impl_->threads; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
  // A watchdog ends the run if in-flight work outlives the grace period.
  std::thread watchdog([this] {
    while (!impl_->stopping) {
      if (impl_->ioc.stopped()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto deadline = std::chrono::steady_clock::now() + impl_->options.shutdown_grace;
    while (!impl_->ioc.stopped() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    impl_->ioc.stop();
  });
  impl_->ioc.run();
  for (auto& t : pool) t.join();
  impl_->stopping = true;
  watchdog.join();
}

void Server::stop() {
  net::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace kring::http
