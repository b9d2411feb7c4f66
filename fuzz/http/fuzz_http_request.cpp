// Raw bytes through the server's request path: Beast's request_parser with
// the server's limits (server.h: 16 KiB of headers, 1 MiB of body), fed the
// way async_read feeds it (a growing buffer, bytes arriving in two reads,
// kept-alive requests one after another), then parse_target, the router
// and the Cookie reader, as Dispatcher::handle does.
// Oracle: no sanitizer report; a request the parser accepts gives a target
// that either fails parse_target or yields a NUL-free path starting with
// '/'; a route match binds only non-empty, slash-free parameters.

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <string>

#include "fuzz_check.h"
#include "http/compression.h"
#include "http/request.h"
#include "http/router.h"

namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::uint64_t kBodyLimit = 1 << 20;
constexpr int kMaxRequestsPerConnection = 4;

const kring::http::Router& router() {
  static const kring::http::Router r = [] {
    kring::http::Router r;
    auto none = [](kring::http::Context&) { return kring::http::Response{}; };
    for (const char* pattern :
         {"/api/v1/accounts", "/api/v1/feeds/home", "/api/v1/items/{id}",
          "/api/v1/items/{id}/reactions/{kind}", "/api/v1/me", "/api/v1/members/{h}",
          "/api/v1/members/{h}/follow", "/api/v1/replies/{id}/reactions/{kind}",
          "/api/v1/spaces/{s}/feed", "/api/v1/search"}) {
      r.add(bhttp::verb::get, pattern, none);
      r.add(bhttp::verb::post, pattern, none);
    }
    return r;
  }();
  return r;
}

// What Dispatcher::handle does with a parsed request, minus the handlers.
void dispatch(const kring::http::BeastRequest& raw) {
  kring::http::Request request;
  request.raw = &raw;
  request.method = raw.method();
  std::string_view target(raw.target().data(), raw.target().size());
  if (!kring::http::parse_target(target, request.path, request.query)) return;
  KRING_FUZZ_CHECK(!request.path.empty() && request.path[0] == '/');
  KRING_FUZZ_CHECK(request.path.find('\0') == std::string::npos);

  auto match = router().match(request.method, request.path);
  if (match.route) {
    for (const auto& [name, value] : match.params) {
      KRING_FUZZ_CHECK(!value.empty() && value.find('/') == std::string::npos);
    }
  }
  (void)request.header("Content-Type");
  (void)request.query_value("cursor");
  std::string session = request.cookie("kring_session");
  KRING_FUZZ_CHECK(session.find(';') == std::string::npos);

  // accepts_gzip never says yes to a header that does not name gzip.
  std::string accept(request.header("Accept-Encoding"));
  for (char& c : accept) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (kring::http::accepts_gzip(accept)) {
    KRING_FUZZ_CHECK(accept.find("gzip") != std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view input = kring::fuzz::as_text(data, size);
  // The first read ends somewhere inside the input; where depends on the
  // bytes so the corpus explores both whole and split deliveries.
  size_t first_read = size == 0 ? 0 : (data[0] * 131u + size) % (size + 1);
  size_t delivered = 0;
  std::string buffer;  // the session's flat_buffer: unconsumed bytes carry over

  for (int n = 0; n < kMaxRequestsPerConnection; ++n) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kBodyLimit);
    beast::error_code ec;
    bool need_more = buffer.empty();
    while (!parser.is_done()) {
      if (need_more) {
        if (delivered == input.size()) {
          parser.put_eof(ec);  // the peer closed the connection
          break;
        }
        size_t next = delivered < first_read ? first_read : input.size();
        buffer.append(input.substr(delivered, next - delivered));
        delivered = next;
      }
      ec = {};
      size_t used = parser.put(net::buffer(buffer.data(), buffer.size()), ec);
      KRING_FUZZ_CHECK(used <= buffer.size());
      buffer.erase(0, used);
      if (ec && ec != bhttp::error::need_more) break;
      need_more = ec == bhttp::error::need_more || used == 0 || buffer.empty();
    }
    if (ec || !parser.is_done()) return 0;
    auto request = parser.release();
    KRING_FUZZ_CHECK(request.body().size() <= kBodyLimit);
    dispatch(request);
    if (!request.keep_alive()) return 0;
  }
  return 0;
}
