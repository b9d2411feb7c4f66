// GET /api/v1/items/{id}/matches?limit=N: social/matches.h's answer as
// {"members": [...], "offers": [...]} for a request, {"requests": [...]}
// for an offer; each entry {member | item, score, reasons}.
#include <charconv>

#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"

namespace kring::http {

namespace {

nlohmann::json reason_json(const social::MatchReason& r) {
  nlohmann::json j{{"kind", r.kind}};
  if (r.kind == "skill") j["skill"] = r.skill;
  if (r.space) j["space"] = {{"slug", r.space->slug}, {"name", r.space->name}};
  if (r.kind == "network") {
    j["distance"] = r.distance;
    nlohmann::json via = nlohmann::json::array();
    for (const auto& v : r.via) via.push_back(member_json(v, false));
    j["via"] = std::move(via);
  }
  if (r.kind == "words") j["words"] = r.words;
  if (r.km) j["km"] = *r.km;
  return j;
}

nlohmann::json reasons_json(const std::vector<social::MatchReason>& reasons) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : reasons) out.push_back(reason_json(r));
  return out;
}

nlohmann::json matches_json(const social::MatchesFound& found) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : found.items) {
    items.push_back(
        {{"item", item_json(m.item)}, {"score", m.score}, {"reasons", reasons_json(m.reasons)}});
  }
  if (found.kind != "request") return {{"requests", std::move(items)}};
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : found.members) {
    members.push_back({{"member", member_json(m.member, false)},
                       {"score", m.score},
                       {"reasons", reasons_json(m.reasons)}});
  }
  return {{"members", std::move(members)}, {"offers", std::move(items)}};
}

Response matches(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(id, social::parse_item_id(ctx.request.param("id")));
  std::optional<int> limit;
  if (ctx.request.has_query("limit")) {
    const std::string text = ctx.request.query_value("limit");
    int n = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), n);
    // Out of range reads as 0, which the service refuses with the range.
    limit = (r.ec == std::errc() && r.ptr == text.data() + text.size()) ? n : 0;
  }
  return reply(s.matches.find(ctx.actor, id, limit), 200, matches_json);
}

}  // namespace

void register_match_routes(Router& router, social::Services& s) {
  router.add(beast_http::verb::get, "/api/v1/items/{id}/matches",
             [&s](Context& c) { return matches(s, c); });
}

}  // namespace kring::http
