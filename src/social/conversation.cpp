#include "social/conversation.h"

#include "core/validation.h"
#include "social/markdown.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/reply_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

Error no_item(ItemId id) { return Error::not_found("no item " + std::to_string(id)); }

// Writing on an item (reply, react) needs read access and, in a space, an
// active membership of a space that is not archived.
Result<Item> writable_item(store::Connection& conn, const Actor& actor, ItemId id) {
  store::ItemRepository items(conn);
  if (!items.readable(id, actor.id)) return no_item(id);
  auto item = items.find(id);
  if (!item) return no_item(id);
  if (item->space_id) {
    store::SpaceRepository spaces(conn);
    auto space = spaces.find_by_id(*item->space_id);
    if (!space || !may_contribute_to_space(actor, *space, spaces.membership(space->id, actor.id))) {
      return Error::forbidden("only members of the space may take part here");
    }
  }
  return std::move(*item);
}

}  // namespace

Result<Page<ReplyView>> Conversation::replies(const Actor& viewer, ItemId item,
                                              const PageRequest& request) {
  auto pager = Pager::open(list_name({"replies", std::to_string(item)}), request);
  if (!pager) return std::move(pager).error();
  KRING_TRY(authorize(viewer, Action::kListReplies));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  if (!store::ItemRepository(*conn).readable(item, viewer.id)) return no_item(item);
  return pager->page(
      store::ReplyRepository(*conn).for_item(item, viewer.id, pager->after(), pager->fetch()),
      [](const Reply& r) {
        return CursorKey{0, r.id};
      },
      [&](Reply&& r) { return view_reply(*conn, viewer.id, std::move(r)); });
}

Result<ReplyView> Conversation::reply(const Actor& actor, ItemId item_id, const std::string& body,
                                      std::optional<ReplyId> parent_id) {
  KRING_TRY(authorize(actor, Action::kReply));
  KRING_TRY(validate_text("body", body, kReplyMax, true));
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid("empty_body", "body must not be empty");
  }
  auto rendered = render_markdown(body, markdown_);
  if (!rendered) return std::move(rendered).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = writable_item(*conn, actor, item_id);
  if (!item) return std::move(item).error();
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
  notifier.add(NotificationKind::kReply, item->author_id, actor.id, item_id, r.id);
  if (parent && parent->author_id != item->author_id && !parent->deleted) {
    notifier.add(NotificationKind::kReply, parent->author_id, actor.id, item_id, r.id);
  }
  store::MemberRepository members(*conn);
  for (const auto& handle : rendered->mentions) {
    auto m = members.find_by_handle(handle);
    if (m && !m->suspended && m->id != item->author_id) {
      notifier.add(NotificationKind::kMention, m->id, actor.id, item_id, r.id);
    }
  }
  auto stored = replies.find(r.id);
  ReplyView view = view_reply(*conn, actor.id, std::move(*stored));
  tx.commit();
  notifier.publish();
  return view;
}

Status Conversation::remove_reply(const Actor& actor, ReplyId id) {
  KRING_TRY(authorize(actor, Action::kDeleteReply));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ReplyRepository replies(*conn);
  auto reply = replies.find(id);
  Error missing = Error::not_found("no reply " + std::to_string(id));
  if (!reply || reply->deleted) return missing;
  store::ItemRepository items(*conn);
  auto item = items.find(reply->item_id);
  if (!item) return missing;
  bool moderator =
      actor.is_admin() ||
      (item->space_id && may_moderate_space(actor, store::SpaceRepository(*conn).membership(
                                                       *item->space_id, actor.id)));
  if (!moderator && !items.readable(item->id, actor.id)) return missing;
  if (reply->author_id != actor.id && !moderator) {
    return Error::forbidden("only the author or the space's moderators may delete this reply");
  }
  replies.soft_delete(id, now_micros());
  tx.commit();
  return {};
}

Result<store::ReactionSummary> Conversation::react(const Actor& actor, store::ReactionTarget type,
                                                   std::int64_t target, const std::string& kind,
                                                   bool on) {
  KRING_TRY(authorize(actor, on ? Action::kReact : Action::kUnreact));
  if (!is_reaction_kind(kind)) {
    return Error::invalid("unknown_reaction",
                          "reaction must be like, love, celebrate, insightful or support");
  }
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  ItemId item_id = target;
  MemberId owner = 0;
  std::optional<ReplyId> reply_id;
  if (type == store::ReactionTarget::kReply) {
    auto reply = store::ReplyRepository(*conn).find(target);
    if (!reply || reply->deleted || reply->hidden) {
      return Error::not_found("no reply " + std::to_string(target));
    }
    item_id = reply->item_id;
    owner = reply->author_id;
    reply_id = reply->id;
  }
  auto item = writable_item(*conn, actor, item_id);
  if (!item) {
    if (type == store::ReactionTarget::kReply && item.error().code == ErrorCode::kNotFound) {
      return Error::not_found("no reply " + std::to_string(target));
    }
    return std::move(item).error();
  }
  if (type == store::ReactionTarget::kItem) owner = item->author_id;
  store::ReactionRepository reactions(*conn);
  Notifier notifier(*conn, hub_);
  if (on) {
    if (reactions.put(type, target, actor.id, kind, now_micros())) {
      notifier.add(NotificationKind::kReaction, owner, actor.id, item_id, reply_id);
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
