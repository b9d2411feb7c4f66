#include "social/moderation.h"

#include <charconv>

#include "core/validation.h"
#include "social/capabilities.h"
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

// The actor's standing toward what lives in `space` (none: a profile or the
// instance), for the table's host and admin standings.
Resource standing_in(store::Connection& conn, const Actor& actor, std::optional<SpaceId> space_id) {
  std::optional<Space> space;
  std::optional<Membership> m;
  if (space_id) {
    store::SpaceRepository spaces(conn);
    space = spaces.find_by_id(*space_id);
    if (space) m = spaces.membership(space->id, actor.id);
  }
  return Resource::of_content(actor, 0, space, m);
}

}  // namespace

Result<std::int64_t> Moderation::report(const Actor& actor, const std::string& target_type,
                                        const std::string& target_id, const std::string& reason) {
  KRING_TRY(decide(actor, Action::kReport));
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
    std::optional<MemberId> reply_author;
    if (target_type == "reply") {
      auto reply = store::ReplyRepository(*conn).find(*id);
      if (!reply || reply->deleted) return missing;
      item_id = reply->item_id;
      reply_author = reply->author_id;
    }
    if (!items.readable(item_id, actor.id)) return missing;
    auto item = items.find(item_id);
    KRING_TRY(decide(actor, Action::kReport,
                     Resource::of_content(actor, reply_author.value_or(item->author_id),
                                          std::nullopt, std::nullopt)));
    row.target_id = *id;
    row.space_id = item->space_id;
  } else if (target_type == "member") {
    auto member = store::MemberRepository(*conn).find_by_handle(target_id);
    if (!member || member->suspended) return missing;
    Resource about;
    about.own = member->id == actor.id;
    KRING_TRY(decide(actor, Action::kReport, about));
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
  auto pager = Pager::open(list_name({"reports", slug}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  std::optional<SpaceId> space_id;
  if (!slug.empty()) {
    store::SpaceRepository spaces(*conn);
    auto space = spaces.find_by_slug(slug);
    if (!space) {
      return refuse_missing(actor, Action::kViewSpaceReports, "no space with slug '" + slug + "'");
    }
    KRING_TRY(decide(actor, Action::kViewSpaceReports,
                     Resource::of_space(*space, spaces.membership(space->id, actor.id))));
    space_id = space->id;
  } else {
    KRING_TRY(decide(actor, Action::kViewInstanceReports));
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
    StandingCache standing(*conn, actor);
    if (v.item) fill_can(standing, *v.item);
    if (v.reply) fill_can(standing, *v.reply, row.space_id);
    if (v.member) fill_can(actor, *v.member);
    v.row = std::move(row);
    page.items.push_back(std::move(v));
  }
  return page;
}

Status Moderation::resolve(const Actor& actor, std::int64_t report_id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ModerationRepository repo(*conn);
  auto report = repo.find_report(report_id);
  const std::string missing = "no report " + std::to_string(report_id);
  if (!report) return refuse_missing(actor, Action::kResolveReport, missing);
  Resource r = standing_in(*conn, actor, report->space_id);
  r.not_found = missing;
  KRING_TRY(decide(actor, Action::kResolveReport, r));
  repo.resolve_report(report_id, now_micros());
  tx.commit();
  return {};
}

Status Moderation::hide_reply(const Actor& actor, std::int64_t reply_id, bool hidden) {
  const Action action = hidden ? Action::kHideReply : Action::kUnhideReply;
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ReplyRepository replies(*conn);
  auto reply = replies.find(reply_id);
  const std::string missing = "no reply " + std::to_string(reply_id);
  std::optional<Item> item;
  if (reply) item = store::ItemRepository(*conn).find(reply->item_id);
  if (!item) return refuse_missing(actor, action, missing);
  Resource r = standing_in(*conn, actor, item->space_id);
  r.visible = store::ItemRepository(*conn).readable(item->id, actor.id);
  r.not_found = missing;
  KRING_TRY(decide(actor, action, r));
  replies.set_hidden(reply_id, hidden ? std::optional<Micros>(now_micros()) : std::nullopt);
  tx.commit();
  return {};
}

Status Moderation::mute(const Actor& actor, const std::string& target_type,
                        const std::string& key, bool on) {
  const Action action = on ? Action::kMute : Action::kUnmute;
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  std::int64_t target = 0;
  if (target_type == "member") {
    auto m = store::MemberRepository(*conn).find_by_handle(key);
    const std::string missing = "no member with handle '" + key + "'";
    if (!m) return refuse_missing(actor, action, missing);
    Resource r;
    r.own = m->id == actor.id;
    r.blocked = store::TieRepository(*conn).blocked_either_way(actor.id, m->id);
    r.not_found = missing;
    KRING_TRY(decide(actor, action, r));
    target = m->id;
  } else {
    store::SpaceRepository spaces(*conn);
    auto s = spaces.find_by_slug(key);
    if (!s) return refuse_missing(actor, action, "no space with slug '" + key + "'");
    KRING_TRY(decide(actor, action, Resource::of_space(*s, spaces.membership(s->id, actor.id))));
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
