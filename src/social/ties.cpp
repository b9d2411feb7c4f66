#include "social/ties.h"

#include "social/capabilities.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

using store::TieDirection;
using store::TieKind;
using store::TieState;

std::string_view tie_change_name(TieChange change) {
  static constexpr std::string_view kNames[] = {"unchanged", "created",  "requested", "accepted",
                                                "removed",   "declined", "cancelled"};
  return kNames[static_cast<int>(change)];
}

namespace {

// The member an actor wants to tie to, if the table lets them take `action`
// toward them: a suspended member is not there to tie to; a block hides the
// member for the actions whose row says so.
Result<Member> tie_target(store::Connection& conn, const Actor& actor, Action action,
                          const std::string& handle) {
  auto member = store::MemberRepository(conn).find_by_handle(handle);
  if (!member || member->suspended) {
    return refuse_missing(actor, action, "no member with handle '" + handle + "'");
  }
  // The table refuses it too (standing "other"); the API says why, as a 400.
  if (member->id == actor.id) {
    return Error::invalid("self_tie", "you cannot do this to yourself");
  }
  Resource r;
  r.blocked = store::TieRepository(conn).blocked_either_way(actor.id, member->id);
  r.not_found = "no member with handle '" + handle + "'";
  KRING_TRY(decide(actor, action, r));
  return std::move(*member);
}

// Who hears of a tie change: the other member, for new follows, requests
// and accepted connections.
std::optional<NotificationKind> notification_for(Action action, TieChange change) {
  if (action == Action::kFollow && change == TieChange::kCreated) return NotificationKind::kFollow;
  if (action == Action::kConnect && change == TieChange::kRequested) {
    return NotificationKind::kConnectionRequest;
  }
  if (action == Action::kConnect && change == TieChange::kAccepted) {
    return NotificationKind::kConnectionAccepted;
  }
  return std::nullopt;
}

template <typename Fn>
Result<TieChange> write_tie(store::Database& db, NotificationHub& hub, const Actor& actor,
                            Action action, const std::string& handle, Fn&& change) {
  auto conn = db.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto target = tie_target(*conn, actor, action, handle);
  if (!target) return std::move(target).error();
  store::TieRepository ties(*conn);
  TieChange result = change(ties, target->id, now_micros());
  Notifier notifier(*conn, hub);
  if (auto kind = notification_for(action, result)) {
    notifier.notify({.kinds = {*kind}, .actor = actor.id, .member = target->id});
  }
  tx.commit();
  notifier.publish();
  return result;
}

// Reads one page of a tie list; the other ends are shown as the viewer may
// see them, a member gone since the row was read left out.
Result<Page<MemberView>> page_of(store::Connection& conn, MemberId viewer,
                                 store::TieListQuery query, const Pager& pager) {
  query.after = pager.after();
  query.limit = pager.fetch();
  store::MemberRepository members(conn);
  return pager.page(
      store::TieRepository(conn).list(query), [](const store::TieEntry& row) { return row.key(); },
      [&](store::TieEntry&& row) -> std::optional<MemberView> {
        auto m = members.find_by_id(row.other);
        if (!m) return std::nullopt;
        return view_member(conn, viewer, std::move(*m), false);
      });
}

// The page with each member's `can` for the viewer; `blocked`: the viewer blocks them all.
Result<Page<MemberView>> with_can(Result<Page<MemberView>> page, const Actor& viewer,
                                  bool blocked = false) {
  if (page) {
    for (auto& view : page->items) fill_can(viewer, view, blocked);
  }
  return page;
}

}  // namespace

Result<TieChange> Ties::follow(const Actor& actor, const std::string& handle) {
  return write_tie(db_, hub_, actor, Action::kFollow, handle,
                   [&](store::TieRepository& ties, MemberId target, Micros now) {
                     if (ties.find(actor.id, target, TieKind::kFollow))
                       return TieChange::kUnchanged;
                     ties.insert(actor.id, target, TieKind::kFollow, TieState::kAccepted, now);
                     return TieChange::kCreated;
                   });
}

Result<TieChange> Ties::unfollow(const Actor& actor, const std::string& handle) {
  return write_tie(db_, hub_, actor, Action::kUnfollow, handle,
                   [&](store::TieRepository& ties, MemberId target, Micros) {
                     if (!ties.find(actor.id, target, TieKind::kFollow)) {
                       return TieChange::kUnchanged;
                     }
                     ties.remove(actor.id, target, TieKind::kFollow);
                     return TieChange::kRemoved;
                   });
}

Result<TieChange> Ties::connect(const Actor& actor, const std::string& handle) {
  return write_tie(db_, hub_, actor, Action::kConnect, handle,
                   [&](store::TieRepository& ties, MemberId target, Micros now) {
                     auto mine = ties.find(actor.id, target, TieKind::kConnection);
                     if (mine) return TieChange::kUnchanged;
                     if (ties.find(target, actor.id, TieKind::kConnection) == TieState::kPending) {
                       ties.accept_connection(target, actor.id, now);
                       return TieChange::kAccepted;
                     }
                     ties.insert(actor.id, target, TieKind::kConnection, TieState::kPending, now);
                     return TieChange::kRequested;
                   });
}

Result<TieChange> Ties::disconnect(const Actor& actor, const std::string& handle) {
  return write_tie(db_, hub_, actor, Action::kDisconnect, handle,
                   [&](store::TieRepository& ties, MemberId target, Micros) {
                     auto mine = ties.find(actor.id, target, TieKind::kConnection);
                     auto theirs = ties.find(target, actor.id, TieKind::kConnection);
                     TieChange change = TieChange::kUnchanged;
                     if (mine == TieState::kAccepted) {
                       change = TieChange::kRemoved;
                     } else if (mine == TieState::kPending) {
                       change = TieChange::kCancelled;
                     } else if (theirs == TieState::kPending) {
                       change = TieChange::kDeclined;
                     }
                     ties.remove_connection(actor.id, target);
                     return change;
                   });
}

Result<TieChange> Ties::block(const Actor& actor, const std::string& handle) {
  return write_tie(db_, hub_, actor, Action::kBlock, handle,
                   [&](store::TieRepository& ties, MemberId target, Micros now) {
                     if (ties.find(actor.id, target, TieKind::kBlock)) return TieChange::kUnchanged;
                     ties.remove(actor.id, target, TieKind::kFollow);
                     ties.remove(target, actor.id, TieKind::kFollow);
                     ties.remove_connection(actor.id, target);
                     ties.insert(actor.id, target, TieKind::kBlock, TieState::kAccepted, now);
                     return TieChange::kCreated;
                   });
}

Result<TieChange> Ties::unblock(const Actor& actor, const std::string& handle) {
  return write_tie(db_, hub_, actor, Action::kUnblock, handle,
                   [&](store::TieRepository& ties, MemberId target, Micros) {
                     if (!ties.find(actor.id, target, TieKind::kBlock)) {
                       return TieChange::kUnchanged;
                     }
                     ties.remove(actor.id, target, TieKind::kBlock);
                     return TieChange::kRemoved;
                   });
}

Result<Page<MemberView>> Ties::list(const Actor& viewer, const std::string& handle, TieList which,
                                    const PageRequest& request) {
  static constexpr std::string_view kLists[] = {"followers", "following", "connections"};
  auto pager = Pager::open(list_name({kLists[static_cast<std::size_t>(which)], handle}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto member = store::MemberRepository(*conn).find_by_handle(handle);
  Resource r = Resource::missing("no member with handle '" + handle + "'");
  if (member) {
    r.visible = may_see_member(viewer, member_standing(*conn, viewer.id, *member));
  }
  KRING_TRY(decide(viewer, Action::kListTies, r));
  store::TieListQuery q;
  q.member = member->id;
  q.viewer = viewer.id;
  q.direction = which == TieList::kFollowers ? TieDirection::kIncoming : TieDirection::kOutgoing;
  q.kind = which == TieList::kConnections ? TieKind::kConnection : TieKind::kFollow;
  q.state = TieState::kAccepted;
  return with_can(page_of(*conn, viewer.id, q, *pager), viewer);
}

Result<Page<MemberView>> Ties::connection_requests(const Actor& actor, const PageRequest& request) {
  KRING_TRY(decide(actor, Action::kViewOwnRequests));
  auto pager = Pager::open(list_name({"connection-requests"}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::TieListQuery q;
  q.member = actor.id;
  q.viewer = actor.id;
  q.direction = TieDirection::kIncoming;
  q.kind = TieKind::kConnection;
  q.state = TieState::kPending;
  return with_can(page_of(*conn, actor.id, q, *pager), actor);
}

Result<Page<MemberView>> Ties::blocked(const Actor& actor, const PageRequest& request) {
  KRING_TRY(decide(actor, Action::kListBlocked));
  auto pager = Pager::open(list_name({"blocked"}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::TieListQuery q;
  q.member = actor.id;
  q.viewer = 0;  // the blocked list shows exactly the members I block
  q.direction = TieDirection::kOutgoing;
  q.kind = TieKind::kBlock;
  q.state = TieState::kAccepted;
  return with_can(page_of(*conn, actor.id, q, *pager), actor, true);
}

Result<Page<SecondDegree>> Ties::second_degree(const Actor& actor, const PageRequest& request) {
  KRING_TRY(decide(actor, Action::kViewSecondDegree));
  // Keyset on (shared connections, id): a member whose count changes while
  // someone pages moves in the order and may be shown twice or not at all,
  // but members who become second-degree meanwhile never shift a page.
  auto pager = Pager::open(list_name({"second-degree"}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::MemberRepository members(*conn);
  auto page = pager->page(
      store::TieRepository(*conn).second_degree(actor.id, pager->after(), pager->fetch()),
      [](const store::SecondDegreeEntry& row) { return row.key(); },
      [&](store::SecondDegreeEntry&& row) -> std::optional<SecondDegree> {
        auto m = members.find_by_id(row.other);
        if (!m) return std::nullopt;
        SecondDegree entry{view_member(*conn, actor.id, std::move(*m), false), {}};
        for (MemberId via : row.via) {
          if (auto v = members.find_by_id(via)) {
            entry.via.push_back(view_member(*conn, actor.id, std::move(*v), false));
          }
        }
        return entry;
      });
  for (auto& entry : page.items) fill_can(actor, entry.member);
  return page;
}

}  // namespace kring::social
