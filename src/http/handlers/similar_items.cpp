// GET /api/v1/items/similar: the query string to social/similar_items.h,
// the found items as GET /api/v1/items/{id} renders each.
#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/place_input.h"

namespace kring::http {

namespace {

std::optional<std::string> param(const Request& request, const char* name) {
  if (!request.has_query(name)) return std::nullopt;
  return request.query_value(name);
}

Response similar_items(social::Services& s, Context& ctx) {
  const Request& q = ctx.request;
  KRING_HTTP_TRY(place, location_query(q));
  social::SimilarItemsRequest request{param(q, "kind"), param(q, "space"), param(q, "category"),
                                      place, param(q, "text")};
  return reply(s.similar_items.find(ctx.actor, request), 200,
               [](const social::SimilarItemsFound& found) {
                 nlohmann::json items = nlohmann::json::array();
                 for (const auto& view : found.items) items.push_back(item_json(view));
                 return nlohmann::json{{"items", std::move(items)}, {"radius_m", found.radius_m}};
               });
}

}  // namespace

void register_similar_item_routes(Router& router, social::Services& s) {
  router.add(beast_http::verb::get, "/api/v1/items/similar",
             [&s](Context& c) { return similar_items(s, c); });
}

}  // namespace kring::http
