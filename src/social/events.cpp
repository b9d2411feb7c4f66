#include "social/events.h"

#include <vector>

#include "core/kinds.h"
#include "social/capabilities.h"
#include "social/rsvp_capacity.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {

using store::RsvpState;

Micros ends_at(const Item& item) { return item.ends_at.value_or(item.starts_at.value_or(0)); }

bool check_in_open(const Item& item, Micros now) {
  const ItemKindRule* kind = find_item_kind(item.kind);
  return kind && kind->takes_rsvps && item.status == kind->initial_status && item.starts_at &&
         now >= *item.starts_at - kCheckInOpensBefore;
}

Status check_in_window(const Item& item, Micros now) {
  const ItemKindRule* kind = find_item_kind(item.kind);
  if (!kind || !kind->takes_rsvps) {
    return Error::conflict("no_rsvps", "a " + item.kind + " takes no RSVPs");
  }
  if (item.status != kind->initial_status) {
    return Error::conflict("event_cancelled", "this " + item.kind + " is " + item.status);
  }
  if (!check_in_open(item, now)) {
    return Error::conflict("check_in_not_open",
                           "check-in opens " + std::to_string(kCheckInOpensBefore / 3600000000) +
                               " hours before the start");
  }
  return {};
}

// The item the actor may read, or the refusal for one they may not.
Result<Item> readable_item(store::Connection& conn, const Actor& actor, Action action, ItemId id) {
  store::ItemRepository items(conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  if (!item) return refuse_missing(actor, action, "no item " + std::to_string(id));
  return std::move(*item);
}

Status check_guests(std::int64_t guests) {
  if (guests < 0 || guests > kMaxGuests) {
    return Error::invalid("invalid_guests", "guests must be 0.." + std::to_string(kMaxGuests));
  }
  return {};
}

RsvpOutcome outcome(store::RsvpRepository& rsvps, const Item& item, MemberId member, bool created) {
  RsvpOutcome out;
  out.summary = rsvps.summary(item.id, item.capacity, member);
  out.rsvp = out.summary.mine;
  out.created = created;
  return out;
}

Can attendee_can(const Actor& actor, const Resource& event, const Item& item,
                 const store::Rsvp& row, Micros now) {
  const bool open = row.state == RsvpState::kGoing && check_in_open(item, now);
  Can can;
  can.entries.emplace_back("check_in", open && allows(actor, Action::kCheckIn, event));
  can.entries.emplace_back("undo_check_in", open && allows(actor, Action::kUndoCheckIn, event));
  return can;
}

}  // namespace

Status rsvps_open(const Item& item, Micros now) {
  const ItemKindRule* kind = find_item_kind(item.kind);
  if (!kind || !kind->takes_rsvps) {
    return Error::conflict("no_rsvps", "a " + item.kind + " takes no RSVPs");
  }
  if (item.status != kind->initial_status) {
    return Error::conflict("event_cancelled", "this " + item.kind + " is " + item.status);
  }
  if (now >= ends_at(item)) {
    return Error::conflict("event_over", "this " + item.kind + " is over");
  }
  return {};
}

Resource event_standing(store::Connection& conn, StandingCache& standing, const Item& item) {
  Resource r = standing.item(item);
  r.not_found = "no item " + std::to_string(item.id);
  const Actor& actor = standing.actor();
  if (actor.signed_in() && !r.own) {
    r.organiser = store::RsvpRepository(conn).is_co_organiser(item.id, actor.id);
    r.blocked = store::TieRepository(conn).blocked_either_way(actor.id, item.author_id);
  }
  return r;
}

void promote_waitlisted(store::Connection& conn, Notifier& notifier, const Item& item,
                        MemberId actor) {
  if (!rsvps_open(item, now_micros()).ok()) return;
  store::RsvpRepository rsvps(conn);
  // Without a capacity everyone fits; with one, at most `capacity` members
  // can move up, each taking a place at least.
  constexpr int kUnlimitedBatch = 1 << 20;
  const int limit = item.capacity ? static_cast<int>(*item.capacity) : kUnlimitedBatch;
  const auto waiting = rsvps.waitlist(item.id, limit);
  std::vector<std::int64_t> places;
  places.reserve(waiting.size());
  for (const auto& w : waiting) places.push_back(places_for(w.guests));
  const std::size_t up = promotable(item.capacity, rsvps.going_places(item.id), places);
  for (std::size_t i = 0; i < up; ++i) {
    rsvps.set_state(item.id, waiting[i].member, RsvpState::kGoing);
    notifier.notify({.kinds = {NotificationKind::kRsvpPromoted},
                     .actor = actor,
                     .item = item.id,
                     .member = waiting[i].member});
  }
}

void add_event_can(const Actor& actor, const Resource& item, const Item& row, Can& can) {
  const Micros now = now_micros();
  const bool open = rsvps_open(row, now).ok();
  const bool over = now >= ends_at(row);
  can.entries.emplace_back("rsvp", open && allows(actor, Action::kRsvp, item));
  can.entries.emplace_back("cancel_rsvp", !over && allows(actor, Action::kCancelRsvp, item));
  can.entries.emplace_back("check_in",
                           check_in_open(row, now) && allows(actor, Action::kCheckIn, item));
  can.entries.emplace_back("view_attendees", allows(actor, Action::kListAttendees, item));
  can.entries.emplace_back("view_attendance", allows(actor, Action::kViewAttendance, item));
}

Result<RsvpOutcome> Events::rsvp(const Actor& actor, ItemId id,
                                 std::optional<std::int64_t> guests) {
  auto conn = db_.lease();
  // One write transaction from the first read: the places counted are the
  // places there are when the row is written.
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = readable_item(*conn, actor, Action::kRsvp, id);
  if (!item) return std::move(item).error();
  StandingCache standing(*conn, actor);
  KRING_TRY(decide(actor, Action::kRsvp, event_standing(*conn, standing, *item)));
  if (guests) KRING_TRY(check_guests(*guests));
  const Micros now = now_micros();
  KRING_TRY(rsvps_open(*item, now));
  store::RsvpRepository rsvps(*conn);
  const std::int64_t taken = rsvps.going_places(id);
  const std::int64_t waiting = rsvps.waitlisted_count(id);
  Notifier notifier(*conn, hub_);
  auto existing = rsvps.find(id, actor.id);
  if (!existing) {
    store::Rsvp row;
    row.item = id;
    row.member = actor.id;
    row.guests = guests.value_or(0);
    row.state = goes_now(item->capacity, taken, waiting, places_for(row.guests))
                    ? RsvpState::kGoing
                    : RsvpState::kWaitlisted;
    row.position = rsvps.next_position(id);
    row.responded_at = now;
    rsvps.insert(row);
  } else if (guests && *guests != existing->guests) {
    const std::int64_t more = *guests - existing->guests;
    if (existing->state == RsvpState::kGoing && more > 0 &&
        !goes_now(item->capacity, taken, waiting, more)) {
      const std::int64_t free = item->capacity ? *item->capacity - taken : 0;
      return Error::conflict(
          "event_full",
          "only " + std::to_string(std::max<std::int64_t>(free, 0)) + " more places are free" +
              (waiting > 0 ? ", and members are waiting" : "") + "; your answer stays as it was");
    }
    rsvps.set_guests(id, actor.id, *guests);
    promote_waitlisted(*conn, notifier, *item, actor.id);
  }
  RsvpOutcome out = outcome(rsvps, *item, actor.id, !existing);
  tx.commit();
  notifier.publish();
  return out;
}

Result<RsvpOutcome> Events::cancel(const Actor& actor, ItemId id) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = readable_item(*conn, actor, Action::kCancelRsvp, id);
  if (!item) return std::move(item).error();
  StandingCache standing(*conn, actor);
  KRING_TRY(decide(actor, Action::kCancelRsvp, event_standing(*conn, standing, *item)));
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || !kind->takes_rsvps) {
    return Error::conflict("no_rsvps", "a " + item->kind + " takes no RSVPs");
  }
  if (now_micros() >= ends_at(*item)) {
    return Error::conflict("event_over", "this " + item->kind + " is over");
  }
  store::RsvpRepository rsvps(*conn);
  Notifier notifier(*conn, hub_);
  auto existing = rsvps.find(id, actor.id);
  if (existing && rsvps.remove(id, actor.id) && existing->state == RsvpState::kGoing) {
    promote_waitlisted(*conn, notifier, *item, actor.id);
  }
  RsvpOutcome out = outcome(rsvps, *item, actor.id, false);
  tx.commit();
  notifier.publish();
  return out;
}

Result<AttendeeView> Events::check_in(const Actor& actor, ItemId id, const std::string& handle,
                                      bool on) {
  const Action action = on ? Action::kCheckIn : Action::kUndoCheckIn;
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = readable_item(*conn, actor, action, id);
  if (!item) return std::move(item).error();
  StandingCache standing(*conn, actor);
  const Resource event = event_standing(*conn, standing, *item);
  KRING_TRY(decide(actor, action, event));
  const Micros now = now_micros();
  KRING_TRY(check_in_window(*item, now));
  store::MemberRepository members(*conn);
  auto member = members.find_by_handle(handle);
  if (!member) return Error::not_found("no member '" + handle.substr(0, 64) + "'");
  store::RsvpRepository rsvps(*conn);
  auto row = rsvps.find(id, member->id);
  if (!row || row->state != RsvpState::kGoing) {
    return Error::conflict("not_going", "@" + member->handle + " is not going to this event");
  }
  if (on && !row->checked_in_at) {
    row->checked_in_at = now;
    rsvps.set_checked_in(id, member->id, now);
  } else if (!on && row->checked_in_at) {
    row->checked_in_at.reset();
    rsvps.set_checked_in(id, member->id, std::nullopt);
  }
  AttendeeView view{*row, view_member(*conn, actor.id, std::move(*member), false), {}};
  view.can = attendee_can(actor, event, *item, view.rsvp, now);
  tx.commit();
  return view;
}

Result<Page<AttendeeView>> Events::attendees(const Actor& viewer, ItemId id,
                                             const std::optional<std::string>& state,
                                             const PageRequest& request) {
  store::AttendeeFilter filter = store::AttendeeFilter::kGoing;
  if (state && *state == "waitlisted") {
    filter = store::AttendeeFilter::kWaitlisted;
  } else if (state && *state == "checked_in") {
    filter = store::AttendeeFilter::kCheckedIn;
  } else if (state && *state != "going") {
    return Error::invalid("invalid_filter", "state: must be going, waitlisted or checked_in");
  }
  const Action action =
      filter == store::AttendeeFilter::kGoing ? Action::kListAttendees : Action::kViewAttendance;
  auto pager =
      Pager::open(list_name({"attendees", std::to_string(id), state.value_or("going")}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto item = readable_item(*conn, viewer, action, id);
  if (!item) return std::move(item).error();
  StandingCache standing(*conn, viewer);
  const Resource event = event_standing(*conn, standing, *item);
  KRING_TRY(decide(viewer, action, event));
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || !kind->takes_rsvps) {
    return Error::conflict("no_rsvps", "a " + item->kind + " takes no RSVPs");
  }
  std::optional<std::int64_t> after;
  if (pager->after()) after = pager->after()->id;
  store::MemberRepository members(*conn);
  const Micros now = now_micros();
  return pager->page(
      store::RsvpRepository(*conn).list(id, filter, after, pager->fetch()),
      [](const store::Rsvp& r) {
        return CursorKey{0, r.position};
      },
      [&](store::Rsvp&& r) -> std::optional<AttendeeView> {
        auto member = members.find_by_id(r.member);
        if (!member) return std::nullopt;
        AttendeeView v{r, view_member(*conn, viewer.id, std::move(*member), false), {}};
        v.can = attendee_can(viewer, event, *item, v.rsvp, now);
        return v;
      });
}

}  // namespace kring::social
