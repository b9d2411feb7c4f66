#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"

namespace kring::http {

namespace {

nlohmann::json totals_json(const std::vector<store::ConfirmedTotal>& totals) {
  auto out = nlohmann::json::array();
  for (const auto& t : totals) {
    out.push_back({{"kind", t.kind}, {"count", t.count}, {"amount", t.amount}});
  }
  return out;
}

// {"handle", "contributions": {"given": [...], "received": [...]},
//  "participation": {"type", "since", "window_days"}}; each total is
// {"kind", "count", "amount"}, one per contribution kind.
nlohmann::json reputation_json(const social::MemberReputation& r) {
  return {
      {"handle", r.handle},
      {"contributions", {{"given", totals_json(r.given)}, {"received", totals_json(r.received)}}},
      {"participation",
       {{"type", to_name(r.participation)},
        {"since", format_rfc3339(r.window_start)},
        {"window_days", social::kParticipationWindow / (24LL * 3600 * 1'000'000)}}},
  };
}

Response get_reputation(social::Services& services, Context& ctx) {
  return reply(services.reputation.of(ctx.actor, ctx.request.param("h"), now_micros()), 200,
               reputation_json);
}

}  // namespace

void register_reputation_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  router.add(verb::get, "/api/v1/members/{h}/reputation",
             [&s](Context& c) { return get_reputation(s, c); });
}

}  // namespace kring::http
