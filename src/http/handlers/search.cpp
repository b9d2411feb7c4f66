#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {
nlohmann::json hit_json(const social::SearchHit& hit) {
  nlohmann::json j;
  if (auto* m = std::get_if<social::MemberView>(&hit)) {
    j = member_json(*m, false);
    j["type"] = "member";
  } else if (auto* i = std::get_if<social::ItemView>(&hit)) {
    j = item_json(*i);
    j["type"] = "item";
  } else {
    j = space_json(std::get<social::SpaceView>(hit));
    j["type"] = "space";
  }
  return j;
}
}  // namespace

void register_search_routes(Router& router, social::Services& s) {
  router.add(beast_http::verb::get, "/api/v1/search", [&s](Context& c) -> Response {
    KRING_HTTP_TRY(page, page_request(c.request));
    return reply(
        s.search.find(c.actor, c.request.query_value("q"), c.request.query_value("type"), page),
        200, [](const Page<social::SearchHit>& p) { return page_json(p, hit_json); });
  });
}

}  // namespace kring::http
