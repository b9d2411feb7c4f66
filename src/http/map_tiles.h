#pragma once
// The map's tile source, an operator setting (kring serve --map-tiles,
// --map-attribution). None by default: an instance may have no internet,
// and every tile request tells the tile host where a reader is looking.
// The web app reads it from GET /api/v1/instance; pages may load images
// from its origin (the Content-Security-Policy's img-src) only when set.

#include <string>
#include <string_view>

#include "core/result.h"

namespace kring::http {

struct MapTiles {
  std::string url_template;  // empty: no tiles, the web app draws a plain base layer
  std::string attribution;   // plain text, shown under the map
  std::string origin;        // the template's origin as a CSP source ("https://*.host" for {s}.)
};

// Checks an operator's template: https:// (http:// only for localhost,
// 127.0.0.1 or [::1]), a host without user info, {z}, {x} and {y} in it,
// and nothing that would break the CSP header (spaces, ';', ',', quotes).
// A host may start with Leaflet's "{s}." subdomain placeholder. An
// attribution needs a template, is at most 500 characters and has no
// control characters. Error code: invalid_map_tiles, with what is wrong.
Result<MapTiles> parse_map_tiles(std::string_view url_template, std::string_view attribution);

}  // namespace kring::http
