#include "http/content_json.h"
#include "http/exchange_input.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"
#include "http/member_json.h"
#include "http/page_json.h"
#include "http/page_request.h"
#include "http/place_input.h"

namespace kring::http {

namespace {

Result<std::optional<ReplyId>> optional_id_field(const Json& body, const char* field) {
  auto text = optional_string(body, field, 32);
  if (!text) return std::move(text).error();
  if (!*text) return std::optional<ReplyId>();
  auto id = social::parse_item_id(**text);
  if (!id) {
    return Error::invalid("invalid_parent", std::string(field) + " must be a reply id");
  }
  return std::optional<ReplyId>(*id);
}

Response create_item(social::Services& s, Context& ctx) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(),
                                    {"kind", "space", "title", "body", "visibility",
                                     "location", "category", "skills", "starts_at", "ends_at",
                                     "capacity", "goals", "deadline", "minimum", "expires_at",
                                     "offer"}));
  social::NewItem item;
  KRING_HTTP_TRY(kind, required_string(body, "kind", 64));
  KRING_HTTP_TRY(space, optional_string(body, "space", 256));
  KRING_HTTP_TRY(title, optional_string(body, "title", 4096));
  KRING_HTTP_TRY(text, required_string(body, "body", 200000));
  KRING_HTTP_TRY(visibility, optional_string(body, "visibility", 64));
  KRING_HTTP_TRY(location, location_field(body));
  KRING_HTTP_TRY(category, category_field(body));
  KRING_HTTP_TRY(exchange, exchange_fields(body));
  item.kind = kind;
  item.exchange = exchange;
  if (location) item.location = *location;
  if (category) item.category = *category;
  item.space = space;
  item.title = title;
  item.body = text;
  item.visibility = visibility;
  return reply(s.items.create(ctx.actor, item), 201, item_json);
}

Response patch_item(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(),
                                    {"title", "body", "visibility", "location", "category",
                                     "skills", "starts_at", "ends_at", "capacity", "goals",
                                     "deadline", "minimum", "expires_at", "offer"}));
  social::ItemPatch patch;
  KRING_HTTP_TRY(title, optional_string(body, "title", 4096));
  KRING_HTTP_TRY(text, optional_string(body, "body", 200000));
  KRING_HTTP_TRY(visibility, optional_string(body, "visibility", 64));
  patch.title = title;
  patch.body = text;
  patch.visibility = visibility;
  KRING_HTTP_TRY(location, location_field(body));
  KRING_HTTP_TRY(category, category_field(body));
  patch.location = location;
  patch.category = category;
  KRING_HTTP_TRY(exchange, exchange_fields(body));
  patch.exchange = exchange;
  return reply(s.items.update(ctx.actor, id, patch), 200, item_json);
}

Response history(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(
      s.items.history(ctx.actor, id, page), 200, [](const Page<store::ItemRevision>& revisions) {
        return page_json(revisions, [](const store::ItemRevision& r) {
          return nlohmann::json{
              {"title", r.title}, {"body", r.body}, {"replaced_at", format_rfc3339(r.replaced_at)}};
        });
      });
}

Response move_status(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"status", "note", "duplicate_of"}));
  KRING_HTTP_TRY(status, required_string(body, "status", 64));
  KRING_HTTP_TRY(original, optional_string(body, "duplicate_of", 32));
  KRING_HTTP_TRY(note, optional_string(body, "note", 8192));
  social::StatusMove move{status, note, std::nullopt};
  if (original) {
    auto original_id = social::parse_item_id(*original);
    if (!original_id) {
      return Response::error(
          Error::invalid("invalid_duplicate_of", "duplicate_of must be an item id"));
    }
    move.duplicate_of = *original_id;
  }
  return reply(s.item_statuses.move(ctx.actor, id, move), 200, item_json);
}

Response answer_follow_up(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"fixed"}));
  KRING_HTTP_TRY(fixed, optional_bool(body, "fixed"));
  if (!fixed) return Response::error(Error::invalid("missing_field", "fixed must be true or false"));
  return reply(s.follow_ups.answer(ctx.actor, id, *fixed), 200, item_json);
}

Response status_history(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.item_statuses.history(ctx.actor, id, page), 200,
               [](const Page<social::StatusChangeView>& changes) {
                 return page_json(changes, status_change_json);
               });
}

Response list_replies(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(page, page_request(ctx.request));
  return reply(s.conversation.replies(ctx.actor, id, page), 200,
               [](const Page<social::ReplyView>& p) { return page_json(p, reply_json); });
}

Response create_reply(social::Services& s, Context& ctx, ItemId id) {
  KRING_HTTP_TRY(body, parse_object(ctx.request.body(), {"body", "parent"}));
  KRING_HTTP_TRY(text, required_string(body, "body", 100000));
  KRING_HTTP_TRY(parent, optional_id_field(body, "parent"));
  return reply(s.conversation.reply(ctx.actor, id, text, parent), 201, reply_json);
}

Response react(social::Services& s, Context& ctx, store::ReactionTarget type, std::int64_t id,
               bool on) {
  return reply(s.conversation.react(ctx.actor, type, id, ctx.request.param("kind"), on), 200,
               reactions_json);
}

// Runs `fn` with the {id} path parameter as an id; unknown ids are 404.
template <typename Fn>
Handler with_id(Fn fn) {
  return [fn](Context& c) -> Response {
    KRING_HTTP_TRY(id, social::parse_item_id(c.request.param("id")));
    return fn(c, id);
  };
}

}  // namespace

void register_item_routes(Router& router, social::Services& s) {
  using beast_http::verb;
  using store::ReactionTarget;
  router.add(verb::post, "/api/v1/items", [&s](Context& c) { return create_item(s, c); });
  router.add(verb::get, "/api/v1/items/{id}", with_id([&s](Context& c, ItemId id) {
               return reply(s.items.view(c.actor, id), 200, item_json);
             }));
  router.add(verb::patch, "/api/v1/items/{id}",
             with_id([&s](Context& c, ItemId id) { return patch_item(s, c, id); }));
  router.add(verb::delete_, "/api/v1/items/{id}",
             with_id([&s](Context& c, ItemId id) { return reply(s.items.remove(c.actor, id)); }));
  router.add(verb::get, "/api/v1/items/{id}/history",
             with_id([&s](Context& c, ItemId id) { return history(s, c, id); }));
  router.add(verb::post, "/api/v1/items/{id}/status",
             with_id([&s](Context& c, ItemId id) { return move_status(s, c, id); }));
  router.add(verb::post, "/api/v1/items/{id}/fixed",
             with_id([&s](Context& c, ItemId id) { return answer_follow_up(s, c, id); }));
  router.add(verb::get, "/api/v1/items/{id}/status-history",
             with_id([&s](Context& c, ItemId id) { return status_history(s, c, id); }));
  router.add(verb::get, "/api/v1/items/{id}/replies",
             with_id([&s](Context& c, ItemId id) { return list_replies(s, c, id); }));
  router.add(verb::post, "/api/v1/items/{id}/replies",
             with_id([&s](Context& c, ItemId id) { return create_reply(s, c, id); }));
  router.add(verb::put, "/api/v1/items/{id}/reactions/{kind}", with_id([&s](Context& c, ItemId id) {
               return react(s, c, ReactionTarget::kItem, id, true);
             }));
  router.add(verb::delete_, "/api/v1/items/{id}/reactions/{kind}",
             with_id([&s](Context& c, ItemId id) {
               return react(s, c, ReactionTarget::kItem, id, false);
             }));
  router.add(verb::post, "/api/v1/items/{id}/votes", with_id([&s](Context& c, ItemId id) {
               return reply(s.votes.vote(c.actor, id, true), 200, votes_json);
             }));
  router.add(verb::delete_, "/api/v1/items/{id}/votes", with_id([&s](Context& c, ItemId id) {
               return reply(s.votes.vote(c.actor, id, false), 200, votes_json);
             }));
  router.add(verb::put, "/api/v1/items/{id}/follow", with_id([&s](Context& c, ItemId id) {
               return reply(s.item_follows.follow(c.actor, id, true), 200, follows_json);
             }));
  router.add(verb::delete_, "/api/v1/items/{id}/follow", with_id([&s](Context& c, ItemId id) {
               return reply(s.item_follows.follow(c.actor, id, false), 200, follows_json);
             }));
  router.add(verb::delete_, "/api/v1/replies/{id}", with_id([&s](Context& c, ItemId id) {
               return reply(s.conversation.remove_reply(c.actor, id));
             }));
  router.add(verb::put, "/api/v1/replies/{id}/reactions/{kind}",
             with_id([&s](Context& c, ItemId id) {
               return react(s, c, ReactionTarget::kReply, id, true);
             }));
  router.add(verb::delete_, "/api/v1/replies/{id}/reactions/{kind}",
             with_id([&s](Context& c, ItemId id) {
               return react(s, c, ReactionTarget::kReply, id, false);
             }));
}

}  // namespace kring::http
