#include "http/content_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"

namespace kring::http {

namespace {
Response feed(social::Services& s, Context& ctx, store::FeedKind kind, const char* param) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  social::FeedRequest request{kind, param ? ctx.request.param(param) : std::string(),
                              std::move(page)};
  return reply(s.feeds.read(ctx.actor, request), 200,
               [](const Page<social::ItemView>& p) { return page_json(p, item_json); });
}
}  // namespace

void register_feed_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  using store::FeedKind;
  const std::tuple<const char*, FeedKind, const char*> feeds[] = {
      {"/api/v1/feeds/home", FeedKind::kHome, nullptr},
      {"/api/v1/feeds/public", FeedKind::kPublic, nullptr},
      {"/api/v1/spaces/{s}/feed", FeedKind::kSpace, "s"},
      {"/api/v1/members/{h}/feed", FeedKind::kMember, "h"},
      {"/api/v1/tags/{t}/feed", FeedKind::kTag, "t"},
  };
  for (const auto& [path, kind, param] : feeds) {
    FeedKind k = kind;
    const char* p = param;
    router.add(verb::get, path, [&s, k, p](Context& c) { return feed(s, c, k, p); });
  }
}

}  // namespace kring::http
