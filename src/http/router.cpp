#include "http/router.h"

namespace kring::http {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  if (!out.empty() && out.back().empty()) out.pop_back();  // tolerate a trailing slash
  return out;
}
}  // namespace

void Router::add(beast_http::verb method, std::string pattern, Handler handler, RouteAuth auth) {
  Route route{method, pattern, {}, std::move(handler), routes_.size(), auth};
  for (auto seg : split_path(pattern)) route.segments.emplace_back(seg);
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(beast_http::verb method, std::string_view path) const {
  RouteMatch result;
  auto parts = split_path(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& seg = route.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        if (parts[i].empty()) ok = false;
        params[seg.substr(1, seg.size() - 2)] = std::string(parts[i]);
      } else {
        ok = seg == parts[i];
      }
    }
    if (!ok) continue;
    result.allowed.push_back(route.method);
    if (route.method == method && !result.route) {
      result.route = &route;
      result.params = std::move(params);
    }
  }
  return result;
}

}  // namespace kring::http
