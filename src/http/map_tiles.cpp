#include "http/map_tiles.h"

#include <algorithm>

namespace kring::http {

namespace {

constexpr std::size_t kMaxAttribution = 500;
constexpr std::size_t kMaxTemplate = 2048;

Error bad(std::string why) { return Error::invalid("invalid_map_tiles", std::move(why)); }

bool is_loopback(std::string_view host) {
  auto colon = host.rfind(':');
  // "[::1]:8080" keeps its brackets; "localhost:8080" loses the port.
  if (colon != std::string_view::npos && host.find(']') == std::string_view::npos) {
    host = host.substr(0, colon);
  } else if (host.starts_with("[")) {
    host = host.substr(0, host.find(']') + 1);
  }
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

// Host names, ports and IPv6 brackets: what an origin in a CSP may hold.
bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == ':' || c == '[' || c == ']';
}

}  // namespace

Result<MapTiles> parse_map_tiles(std::string_view url, std::string_view attribution) {
  MapTiles tiles;
  if (attribution.size() > kMaxAttribution) {
    return bad("--map-attribution is longer than 500 characters");
  }
  if (std::any_of(attribution.begin(), attribution.end(),
                  [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
    return bad("--map-attribution must not contain control characters");
  }
  if (url.empty()) {
    if (!attribution.empty()) return bad("--map-attribution needs --map-tiles");
    return tiles;
  }
  if (url.size() > kMaxTemplate) return bad("--map-tiles is longer than 2048 characters");
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == ';' || c == ',' || c == '\'' || c == '"') {
      return bad("--map-tiles must be a URL without spaces, quotes, ';' or ','");
    }
  }
  std::string_view scheme;
  if (url.starts_with("https://")) {
    scheme = "https://";
  } else if (url.starts_with("http://")) {
    scheme = "http://";
  } else {
    return bad("--map-tiles must start with https:// (http:// only for localhost)");
  }
  std::string_view rest = url.substr(scheme.size());
  std::string_view host = rest.substr(0, rest.find('/'));
  bool subdomains = host.starts_with("{s}.");
  std::string_view plain_host = subdomains ? host.substr(4) : host;
  if (plain_host.empty() || !std::all_of(plain_host.begin(), plain_host.end(), is_host_char)) {
    return bad("--map-tiles needs a host name (optionally starting with {s}.) after " +
               std::string(scheme));
  }
  if (scheme == "http://" && (subdomains || !is_loopback(plain_host))) {
    return bad("--map-tiles must use https:// (http:// only for localhost)");
  }
  for (std::string_view placeholder : {"{z}", "{x}", "{y}"}) {
    if (url.find(placeholder) == std::string_view::npos) {
      return bad("--map-tiles must contain {z}, {x} and {y}");
    }
  }
  tiles.url_template = std::string(url);
  tiles.attribution = std::string(attribution);
  tiles.origin = std::string(scheme) + (subdomains ? "*." : "") + std::string(plain_host);
  return tiles;
}

}  // namespace kring::http
