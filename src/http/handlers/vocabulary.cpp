// GET /api/v1/vocabulary: the names the API speaks (item kinds with their
// fields, statuses, transitions and flags; item categories; reactions; visibilities; kinds
// and roles of spaces; instance roles; notification kinds), generated from the core tables so
// the web app reads them instead of keeping copies. The same for every
// caller and fixed for the life of the process, so it is built once and
// served with an ETag: a page load revalidates it for a 304.

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/item.h"
#include "core/kinds.h"
#include "core/member.h"
#include "core/space.h"
#include "http/handlers/handlers.h"
#include "social/audiences.h"

namespace kring::http {

namespace {

using Json = nlohmann::json;

template <typename E>
Json names_of() {
  Json out = Json::array();
  for (E value : enum_values<E>()) out.push_back(to_name(value));
  return out;
}

Json standings_json(const Standings& standings) {
  Json out = Json::array();
  for (Standing s : enum_values<Standing>()) {
    if (standings.contains(s)) out.push_back(to_name(s));
  }
  return out;
}

Json kind_json(const ItemKindRule& rule) {
  Json fields = Json::array();
  for (const auto& f : rule.fields)
    fields.push_back({{"name", to_name(f.field)}, {"required", f.required}});
  Json statuses = Json::array();
  for (auto s : rule.statuses) statuses.push_back(s);
  Json closed = Json::array();
  for (auto s : rule.closed_statuses) closed.push_back(s);
  Json transitions = Json::array();
  for (const auto& t : rule.transitions) {
    Json move = {{"from", t.from}, {"to", t.to}, {"by", standings_json(t.by)}};
    if (t.author_window_days > 0) move["author_window_days"] = t.author_window_days;
    transitions.push_back(std::move(move));
  }
  return {{"name", rule.kind},
          {"fields", std::move(fields)},
          {"statuses", std::move(statuses)},
          {"closed_statuses", std::move(closed)},
          {"initial_status", rule.initial_status.empty() ? Json() : Json(rule.initial_status)},
          {"transitions", std::move(transitions)},
          {"takes_votes", rule.takes_votes},
          {"takes_contributions", rule.takes_contributions},
          {"takes_rsvps", rule.takes_rsvps},
          {"follow_up", rule.follow_up.status.empty()
                            ? Json()
                            : Json{{"status", rule.follow_up.status},
                                   {"after_days", rule.follow_up.after_days},
                                   {"reopen_to", rule.follow_up.reopen_to}}}};
}

Json vocabulary_json() {
  Json kinds = Json::array();
  for (const auto& rule : item_kinds()) kinds.push_back(kind_json(rule));
  Json reactions = Json::array();
  for (auto r : reaction_kinds()) reactions.push_back(r);
  auto list = [](std::span<const std::string_view> names) {
    Json out = Json::array();
    for (auto n : names) out.push_back(n);
    return out;
  };
  return {{"kinds", std::move(kinds)},
          {"categories", list(item_categories())},
          {"offer_modes", list(offer_modes())},
          {"goal_kinds", list(goal_kinds())},
          {"contribution_kinds", list(contribution_kinds())},
          {"item_fields", names_of<ItemField>()},
          {"standings", names_of<Standing>()},
          {"reactions", std::move(reactions)},
          {"item_visibilities", names_of<ItemVisibility>()},
          {"profile_visibilities", names_of<Visibility>()},
          {"space_kinds", names_of<SpaceKind>()},
          {"space_visibilities", names_of<SpaceVisibility>()},
          {"space_roles", names_of<SpaceRole>()},
          {"instance_roles", names_of<MemberRole>()},
          {"notification_kinds", names_of<social::NotificationKind>()}};
}

// FNV-1a over the body: the tag only has to change when the body does.
std::string etag_of(const std::string& body) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  // Weak: the body may go out gzipped, which a strong tag would have to tell apart.
  return "W/\"" + std::string(hex) + "\"";
}

// Whether an If-None-Match header names `etag` (or is "*"); weak comparison,
// as RFC 9110 section 13.1.2 asks for GET.
bool matches(std::string_view if_none_match, std::string_view etag) {
  auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
  size_t start = 0;
  while (start < if_none_match.size()) {
    size_t comma = if_none_match.find(',', start);
    std::string_view tag = if_none_match.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == "*" || opaque(tag) == opaque(etag)) return true;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return false;
}

// Cached, but revalidated on every use: a server upgrade that adds a kind
// reaches the next page load, not the one after an expiry.
constexpr const char* kCacheControl = "public, no-cache";

}  // namespace

void register_vocabulary_routes(Router& router) {
  std::string body = vocabulary_json().dump();
  std::string etag = etag_of(body);
  router.add(beast_http::verb::get, "/api/v1/vocabulary",
             [body = std::move(body), etag = std::move(etag)](Context& ctx) {
               Response r;
               if (matches(ctx.request.header("If-None-Match"), etag)) {
                 r.status = 304;
                 r.content_type.clear();
               } else {
                 r.body = body;
               }
               r.headers.emplace_back("ETag", etag);
               r.headers.emplace_back("Cache-Control", kCacheControl);
               return r;
             });
}

}  // namespace kring::http
