#pragma once
// Serves the built web app (web/dist) with caching headers: hashed assets
// are immutable for a year, index.html is revalidated every time. Paths that
// are not files fall back to index.html so deep links work (history API).
//
// Thread-safe: files are read per request (the OS page cache keeps them hot).

#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"

namespace kring::http {

class StaticFiles {
 public:
  // root may not exist (no web build): then every page is a 404 with a hint.
  explicit StaticFiles(std::string root);
  Response serve(const Request& request) const;

 private:
  std::optional<Response> file_response(const std::string& relative, bool revalidate) const;
  std::string root_;
};

// Security headers for every HTML page: a strict Content-Security-Policy
// without inline scripts.
void add_page_security_headers(Response& response);

}  // namespace kring::http
