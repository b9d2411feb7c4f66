// GET /api/v1/items: the filters from the query string (social/item_listing.h).
#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {

std::optional<std::string> param(const Request& request, const char* name) {
  if (!request.has_query(name)) return std::nullopt;
  return request.query_value(name);
}

Response list_items(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  const Request& q = ctx.request;
  social::ItemListingRequest request{param(q, "kind"),     param(q, "space"), param(q, "status"),
                                     param(q, "category"), param(q, "tag"),   param(q, "bbox"),
                                     param(q, "near"),     param(q, "sort"),  std::move(page),
                                     param(q, "when"),     param(q, "skill"), param(q, "open")};
  return reply(s.item_listing.list(ctx.actor, request), 200,
               [](const Page<social::ItemView>& p) { return page_json(p, item_json); });
}

}  // namespace

void register_item_listing_routes(Router& router, social::Services& s) {
  router.add(beast_http::verb::get, "/api/v1/items", [&s](Context& c) { return list_items(s, c); });
}

}  // namespace kring::http
