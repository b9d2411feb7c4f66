#include "social/moderation.h"

#include <charconv>

#include "core/validation.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/reply_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t id = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

bool hosts_space(store::Connection& conn, const Actor& actor, std::optional<SpaceId> space) {
  if (!space) return actor.is_admin();
  return may_moderate_space(actor, store::SpaceRepository(conn).membership(*space, actor.id));
}

}  // namespace

Result<std::int64_t> Moderation::report(const Actor& actor, const std::string& target_type,
                                        const std::string& target_id, const std::string& reason) {
  KRING_TRY(authorize(actor, Action::kReport));
  KRING_TRY(validate_text("reason", reason, kReasonMax, true));
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid("missing_field", "give a reason for the report");
  }
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ReportRow row;
  row.reporter = actor.id;
  row.target_type = target_type;
  row.reason = reason;
  row.created_at = now_micros();
  Error missing = Error::not_found("nothing to report with that id");
  store::ItemRepository items(*conn);
  if (target_type == "item" || target_type == "reply") {
    auto id = parse_id(target_id);
    if (!id) return missing;
    ItemId item_id = *id;
    if (target_type == "reply") {
      auto reply = store::ReplyRepository(*conn).find(*id);
      if (!reply || reply->deleted) return missing;
      item_id = reply->item_id;
    }
    if (!items.readable(item_id, actor.id)) return missing;
    row.target_id = *id;
    row.space_id = items.find(item_id)->space_id;
  } else if (target_type == "member") {
    auto member = store::MemberRepository(*conn).find_by_handle(target_id);
    if (!member || member->suspended) return missing;
    row.target_id = member->id;
  } else {
    return Error::invalid("invalid_target_type", "target_type must be item, reply or member");
  }
  store::ModerationRepository(*conn).insert_report(row);
  tx.commit();
  return row.target_id;
}

Result<Page<ReportView>> Moderation::queue(const Actor& actor, const std::string& slug,
                                           const PageRequest& request) {
  KRING_TRY(authorize(actor, Action::kViewReports));
  auto pager = Pager::open(list_name({"reports", slug}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  std::optional<SpaceId> space_id;
  if (!slug.empty()) {
    store::SpaceRepository spaces(*conn);
    auto space = spaces.find_by_slug(slug);
    std::optional<Membership> m;
    if (space) m = spaces.membership(space->id, actor.id);
    if (!space || !may_see_space(*space, m)) {
      return Error::not_found("no space with slug '" + slug + "'");
    }
    if (!may_moderate_space(actor, m)) {
      return Error::forbidden("only the space's hosts see its reports");
    }
    space_id = space->id;
  } else if (!actor.is_admin()) {
    return Error::forbidden("only instance admins see instance-wide reports");
  }
  auto rows =
      store::ModerationRepository(*conn).open_reports(space_id, pager->after(), pager->fetch());
  Page<ReportView> page;
  if (pager->trim(rows)) page.next_cursor = pager->cursor_after({0, rows.back().id});
  store::MemberRepository members(*conn);
  store::ItemRepository items(*conn);
  store::ReplyRepository replies(*conn);
  for (auto& row : rows) {
    ReportView v;
    if (auto m = members.find_by_id(row.reporter)) v.reporter = view_member(*conn, actor.id, *m, false);
    if (row.target_type == "item") {
      if (auto item = items.find(row.target_id)) v.item = view_item(*conn, actor.id, *item);
    } else if (row.target_type == "reply") {
      if (auto reply = replies.find(row.target_id)) {
        Reply shown = *reply;
        shown.hidden = false;  // hosts see what was reported
        v.reply = view_reply(*conn, actor.id, shown);
      }
    } else if (auto m = members.find_by_id(row.target_id)) {
      v.member = view_member(*conn, actor.id, *m, false);
    }
    v.row = std::move(row);
    page.items.push_back(std::move(v));
  }
  return page;
}

Status Moderation::resolve(const Actor& actor, std::int64_t report_id) {
  KRING_TRY(authorize(actor, Action::kResolveReport));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ModerationRepository repo(*conn);
  auto report = repo.find_report(report_id);
  if (!report || !hosts_space(*conn, actor, report->space_id)) {
    return Error::not_found("no report " + std::to_string(report_id));
  }
  repo.resolve_report(report_id, now_micros());
  tx.commit();
  return {};
}

Status Moderation::hide_reply(const Actor& actor, std::int64_t reply_id, bool hidden) {
  KRING_TRY(authorize(actor, hidden ? Action::kHideReply : Action::kUnhideReply));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ReplyRepository replies(*conn);
  auto reply = replies.find(reply_id);
  Error missing = Error::not_found("no reply " + std::to_string(reply_id));
  if (!reply) return missing;
  auto item = store::ItemRepository(*conn).find(reply->item_id);
  if (!item) return missing;
  if (!hosts_space(*conn, actor, item->space_id) && !actor.is_admin()) {
    if (!store::ItemRepository(*conn).readable(item->id, actor.id)) return missing;
    return Error::forbidden("only the space's moderators may hide replies");
  }
  replies.set_hidden(reply_id, hidden ? std::optional<Micros>(now_micros()) : std::nullopt);
  tx.commit();
  return {};
}

Status Moderation::mute(const Actor& actor, const std::string& target_type,
                        const std::string& key, bool on) {
  KRING_TRY(authorize(actor, on ? Action::kMute : Action::kUnmute));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  std::int64_t target = 0;
  if (target_type == "member") {
    auto m = store::MemberRepository(*conn).find_by_handle(key);
    if (!m || m->id == actor.id ||
        store::TieRepository(*conn).blocked_either_way(actor.id, m->id)) {
      return Error::not_found("no member with handle '" + key + "'");
    }
    target = m->id;
  } else {
    store::SpaceRepository spaces(*conn);
    auto s = spaces.find_by_slug(key);
    if (!s || !may_see_space(*s, spaces.membership(s->id, actor.id))) {
      return Error::not_found("no space with slug '" + key + "'");
    }
    target = s->id;
  }
  store::ModerationRepository repo(*conn);
  if (on) {
    repo.mute(actor.id, target_type, target, now_micros());
  } else {
    repo.unmute(actor.id, target_type, target);
  }
  tx.commit();
  return {};
}

}  // namespace kring::social
