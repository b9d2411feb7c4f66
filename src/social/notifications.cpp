#include "social/notifications.h"

#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {
NotificationView view_notification(store::Connection& conn, MemberId viewer,
                                   store::NotificationRow row) {
  NotificationView v;
  if (auto actor = store::MemberRepository(conn).find_by_id(row.actor)) {
    v.actor = view_member(conn, viewer, std::move(*actor), false);
  }
  if (row.space_id) {
    if (auto space = store::SpaceRepository(conn).find_by_id(*row.space_id)) {
      v.space = SpaceRef{space->slug, space->name};
    }
  }
  v.row = std::move(row);
  return v;
}
}  // namespace

Result<NotificationPage> Notifications::list(const Actor& actor, const PageRequest& request) {
  KRING_TRY(decide(actor, Action::kReadNotifications));
  auto pager = Pager::open(list_name({"notifications"}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::NotificationRepository repo(*conn);
  NotificationPage out;
  out.page = pager->page(
      repo.list(actor.id, pager->after(), pager->fetch()),
      [](const store::NotificationRow& r) {
        return CursorKey{0, r.id};
      },
      [&](store::NotificationRow&& r) { return view_notification(*conn, actor.id, std::move(r)); });
  out.unread_count = repo.unread_count(actor.id);
  return out;
}

Status Notifications::mark_read(const Actor& actor, std::int64_t up_to) {
  KRING_TRY(decide(actor, Action::kMarkNotificationsRead));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::NotificationRepository(*conn).mark_read(actor.id, up_to, now_micros());
  tx.commit();
  return {};
}

std::int64_t Notifications::unread_count(const Actor& actor) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  return store::NotificationRepository(*conn).unread_count(actor.id);
}

std::vector<NotificationView> Notifications::since(const Actor& actor, std::int64_t after) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  std::vector<NotificationView> out;
  for (auto& r : store::NotificationRepository(*conn).since(actor.id, after, 200)) {
    out.push_back(view_notification(*conn, actor.id, std::move(r)));
  }
  return out;
}

std::optional<NotificationView> Notifications::find(const Actor& actor, std::int64_t id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto rows = store::NotificationRepository(*conn).since(actor.id, id - 1, 1);
  if (rows.empty() || rows.front().id != id) return std::nullopt;
  return view_notification(*conn, actor.id, std::move(rows.front()));
}

}  // namespace kring::social
