// GET /api/v1/instance: what the operator set that the web app must know,
// so far the map's tile source (http/map_tiles.h). Fixed for the life of
// the process, so the body is built once.
// GET /api/v1/places?q=: address suggestions for the location picker
// (social/place_search.h).

#include <nlohmann/json.hpp>

#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"

namespace kring::http {

namespace {

using Json = nlohmann::json;

Json instance_json(const MapTiles& tiles) {
  return {{"map",
           {{"tiles", tiles.url_template.empty() ? Json() : Json(tiles.url_template)},
            {"attribution", tiles.attribution}}}};
}

Json places_json(const std::vector<social::Place>& places) {
  Json out = Json::array();
  for (const auto& p : places) {
    out.push_back({{"address", p.address}, {"lat", p.lat}, {"lon", p.lon}});
  }
  return {{"places", std::move(out)}};
}

}  // namespace

void register_instance_routes(Router& router, social::Services& s, MapTiles map_tiles) {
  router.add(beast_http::verb::get, "/api/v1/instance",
             [body = instance_json(map_tiles)](Context&) { return Response::json(200, body); });
  router.add(beast_http::verb::get, "/api/v1/places", [&s](Context& c) {
    return reply(s.place_search.suggest(c.actor, c.request.query_value("q")), 200, places_json);
  });
}

}  // namespace kring::http
