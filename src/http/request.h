#pragma once
// A parsed HTTP request as handlers see it: method, decoded path, query
// parameters, headers, body, the caller's address and the route's path
// parameters.

#include <boost/beast/http.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kring::http {

namespace beast_http = boost::beast::http;
using BeastRequest = beast_http::request<beast_http::string_body>;

struct Request {
  beast_http::verb method = beast_http::verb::get;
  std::string path;    // percent-decoded, without the query string
  std::multimap<std::string, std::string> query;
  const BeastRequest* raw = nullptr;
  std::string client_address;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {h}

  std::string_view header(std::string_view name) const;
  // First value of a query parameter, or fallback.
  std::string query_value(const std::string& name, std::string fallback = {}) const;
  bool has_query(const std::string& name) const { return query.count(name) > 0; }
  const std::string& body() const { return raw->body(); }
  std::string cookie(std::string_view name) const;
  const std::string& param(const std::string& name) const { return params.at(name); }
};

// Splits target into decoded path and query. False when the target is not
// valid (bad percent-encoding, NUL bytes, not starting with '/').
bool parse_target(std::string_view target, std::string& path,
                  std::multimap<std::string, std::string>& query);

bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);

}  // namespace kring::http
