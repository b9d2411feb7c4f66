#include "social/conversation.h"

#include "core/validation.h"
#include "social/capabilities.h"
#include "social/markdown.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/reply_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

Error no_item(const Actor& actor, Action action, ItemId id) {
  return refuse_missing(actor, action, "no item " + std::to_string(id));
}

// The actor's standing toward an item (and so toward its replies): its
// author, its space as the actor stands there, whether they may read it.
Resource content_resource(store::Connection& conn, const Actor& actor, const Item& item,
                          MemberId author, bool readable) {
  std::optional<Space> space;
  std::optional<Membership> m;
  if (item.space_id) {
    store::SpaceRepository spaces(conn);
    space = spaces.find_by_id(*item.space_id);
    if (space) m = spaces.membership(space->id, actor.id);
  }
  Resource r = Resource::of_content(actor, author, space, m);
  r.visible = readable;
  r.not_found = "no item " + std::to_string(item.id);
  return r;
}

// Writing on an item (reply, react): the table asks read access and, in a
// space, an active membership of a space that is not archived.
Result<Item> writable_item(store::Connection& conn, const Actor& actor, Action action, ItemId id) {
  store::ItemRepository items(conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  if (!item) return no_item(actor, action, id);
  KRING_TRY(decide(actor, action, content_resource(conn, actor, *item, item->author_id, true)));
  return std::move(*item);
}

}  // namespace

Result<Page<ReplyView>> Conversation::replies(const Actor& viewer, ItemId item,
                                              const PageRequest& request) {
  auto pager = Pager::open(list_name({"replies", std::to_string(item)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  if (!store::ItemRepository(*conn).readable(item, viewer.id)) {
    return no_item(viewer, Action::kListReplies, item);
  }
  KRING_TRY(decide(viewer, Action::kListReplies));
  auto page = pager->page(
      store::ReplyRepository(*conn).for_item(item, viewer.id, pager->after(), pager->fetch()),
      [](const Reply& r) {
        return CursorKey{0, r.id};
      },
      [&](Reply&& r) { return view_reply(*conn, viewer.id, std::move(r)); });
  StandingCache standing(*conn, viewer);
  auto on = store::ItemRepository(*conn).find(item);
  for (auto& view : page.items) fill_can(standing, view, on ? on->space_id : std::nullopt);
  return page;
}

Result<ReplyView> Conversation::reply(const Actor& actor, ItemId item_id, const std::string& body,
                                      std::optional<ReplyId> parent_id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = writable_item(*conn, actor, Action::kReply, item_id);
  if (!item) return std::move(item).error();
  KRING_TRY(validate_text("body", body, kReplyMax, true));
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid("empty_body", "body must not be empty");
  }
  auto rendered = render_markdown(body, markdown_);
  if (!rendered) return std::move(rendered).error();
  store::ReplyRepository replies(*conn);
  Reply r;
  r.item_id = item_id;
  r.author_id = actor.id;
  r.body = body;
  r.html = rendered->html;
  r.created_at = now_micros();
  std::optional<Reply> parent;
  if (parent_id) {
    parent = replies.find(*parent_id);
    if (!parent || parent->item_id != item_id) {
      return Error::invalid("invalid_parent", "parent must be a reply on the same item");
    }
    // Past the depth limit a reply joins its parent's level, so threads stay readable.
    if (parent->depth >= kMaxReplyDepth) {
      r.parent_id = parent->parent_id;
      r.depth = parent->depth;
    } else {
      r.parent_id = parent->id;
      r.depth = parent->depth + 1;
    }
  }
  r.id = replies.insert(r);
  Notifier notifier(*conn, hub_);
  notifier.notify({.kinds = {NotificationKind::kReply, NotificationKind::kMention},
                   .actor = actor.id,
                   .item = item_id,
                   .reply = r.id,
                   .parent = parent_id,
                   .mentions = rendered->mentions});
  auto stored = replies.find(r.id);
  ReplyView view = view_reply(*conn, actor.id, std::move(*stored));
  StandingCache standing(*conn, actor);
  fill_can(standing, view, item->space_id);
  tx.commit();
  notifier.publish();
  return view;
}

Status Conversation::remove_reply(const Actor& actor, ReplyId id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ReplyRepository replies(*conn);
  auto reply = replies.find(id);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (reply && !reply->deleted) item = items.find(reply->item_id);
  const std::string missing = "no reply " + std::to_string(id);
  if (!item) return refuse_missing(actor, Action::kDeleteReply, missing);
  Resource r =
      content_resource(*conn, actor, *item, reply->author_id, items.readable(item->id, actor.id));
  r.not_found = missing;
  KRING_TRY(decide(actor, Action::kDeleteReply, r));
  replies.soft_delete(id, now_micros());
  tx.commit();
  return {};
}

Result<store::ReactionSummary> Conversation::react(const Actor& actor, store::ReactionTarget type,
                                                   std::int64_t target, const std::string& kind,
                                                   bool on) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  ItemId item_id = target;
  std::optional<ReplyId> reply_id;
  if (type == store::ReactionTarget::kReply) {
    auto reply = store::ReplyRepository(*conn).find(target);
    if (!reply || reply->deleted || reply->hidden) {
      return refuse_missing(actor, on ? Action::kReact : Action::kUnreact,
                            "no reply " + std::to_string(target));
    }
    item_id = reply->item_id;
    reply_id = reply->id;
  }
  auto item = writable_item(*conn, actor, on ? Action::kReact : Action::kUnreact, item_id);
  if (!item) {
    if (type == store::ReactionTarget::kReply && item.error().code == ErrorCode::kNotFound) {
      return Error::not_found("no reply " + std::to_string(target));
    }
    return std::move(item).error();
  }
  if (!is_reaction_kind(kind)) {
    return Error::invalid("unknown_reaction",
                          "reaction must be like, love, celebrate, insightful or support");
  }
  store::ReactionRepository reactions(*conn);
  Notifier notifier(*conn, hub_);
  if (on) {
    if (reactions.put(type, target, actor.id, kind, now_micros())) {
      notifier.notify({.kinds = {NotificationKind::kReaction},
                       .actor = actor.id,
                       .item = item_id,
                       .reply = reply_id});
    }
  } else {
    reactions.remove(type, target, actor.id, kind);
  }
  auto summary = reactions.summary(type, target, actor.id);
  tx.commit();
  notifier.publish();
  return summary;
}

}  // namespace kring::social
