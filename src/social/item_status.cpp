#include "social/item_status.h"

#include "core/kinds.h"
#include "core/validation.h"
#include "social/capabilities.h"
#include "social/lending.h"
#include "social/events.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/duplicate_repository.h"
#include "store/item_repository.h"
#include "store/member_repository.h"

namespace kring::social {

namespace {

Error no_item(const Actor& actor, Action action, ItemId id) {
  return refuse_missing(actor, action, "no item " + std::to_string(id));
}

std::string quoted_list(std::span<const std::string_view> names) {
  std::string out;
  for (auto name : names) out += (out.empty() ? "'" : ", '") + std::string(name) + "'";
  return out;
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The note as stored: "" for none or only white space.
Result<std::string> checked_note(const std::optional<std::string>& note) {
  if (!note || blank(*note)) return std::string();
  KRING_TRY(validate_text("note", *note, kStatusNoteMax, true));
  return *note;
}

Error invalid_transition(const ItemKindRule& kind, const std::string& from, const std::string& to,
                         std::vector<std::string_view> allowed) {
  std::string message = from == to ? "this " + std::string(kind.kind) + " is already '" + to + "'"
                                   : "a " + std::string(kind.kind) + " does not move from '" +
                                         from + "' to '" + to + "'";
  message += allowed.empty() ? "; you may not move it from here"
                             : "; you may move it to " + quoted_list(allowed);
  Error e = Error::conflict("invalid_transition", std::move(message));
  e.allowed.emplace(allowed.begin(), allowed.end());
  return e;
}

// The shape of a move's duplicate_of, before anything is read.
Status check_duplicate_field(const StatusMove& move) {
  const bool to_duplicate = move.status == kDuplicateStatus;
  if (to_duplicate && !move.duplicate_of) {
    return Error::invalid(
        "missing_duplicate_of",
        "a duplicate names its original: duplicate_of, the id of the earlier item");
  }
  if (!to_duplicate && move.duplicate_of) {
    return Error::invalid("invalid_duplicate_of", "duplicate_of goes only with status '" +
                                                      std::string(kDuplicateStatus) + "'");
  }
  return {};
}

// Whether `original` may be what `item` duplicates, for this actor.
Status check_original(store::Connection& conn, const Actor& actor, const Item& item,
                      ItemId original) {
  if (original == item.id) {
    return Error::invalid("invalid_duplicate_of", "an item is no duplicate of itself");
  }
  store::ItemRepository items(conn);
  std::optional<Item> found;
  if (items.readable(original, actor.id)) found = items.find(original);
  if (!found) return Error::not_found("no item " + std::to_string(original));
  if (found->kind != item.kind) {
    return Error::invalid("invalid_duplicate_of", "the original of a " + item.kind + " is a " +
                                                      item.kind + ", not a " + found->kind);
  }
  if (found->space_id != item.space_id) {
    return Error::invalid("invalid_duplicate_of", "the original is in another space");
  }
  if (found->status == kDuplicateStatus) {
    auto first = store::DuplicateRepository(conn).original_of(original, actor.id);
    return Error::conflict(
        "original_is_duplicate",
        "item " + std::to_string(original) + " is itself a duplicate" +
            (first ? "; point at its original, " + std::to_string(*first) + ", instead" : ""));
  }
  return {};
}

}  // namespace

Result<ItemView> ItemStatuses::move(const Actor& actor, ItemId id, const StatusMove& move) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  if (!item) return no_item(actor, Action::kMoveItemStatus, id);
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || kind->statuses.empty()) {
    return Error::conflict("no_workflow", "a " + item->kind + " has no status to move");
  }
  if (!kind->has_status(move.status)) {
    return Error::invalid("invalid_status", "the status of a " + std::string(kind->kind) +
                                                " is one of " + quoted_list(kind->statuses));
  }
  auto note = checked_note(move.note);
  if (!note) return std::move(note).error();
  KRING_TRY(check_duplicate_field(move));
  StandingCache standing(*conn, actor);
  // An event's co-organisers move it as its author does.
  Resource r = kind->takes_rsvps ? event_standing(*conn, standing, *item) : standing.item(*item);
  r.not_found = "no item " + std::to_string(id);
  const StatusTransition* transition = kind->transition(item->status, move.status);
  if (!transition) {
    auto allowed = allowed_status_moves(actor, r, *kind, item->status);
    std::erase_if(allowed, [&](std::string_view to) {
      return loan_move(*item, item->status, to) != nullptr;
    });
    return invalid_transition(*kind, item->status, move.status, std::move(allowed));
  }
  KRING_TRY(decide_transition(actor, r, *transition));
  // A move that carries a loan row is its lending verb's alone, so that no
  // reservation, loan or return goes unrecorded.
  if (const LoanMove* by_loan = loan_move(*item, item->status, move.status)) {
    return Error::conflict("loan_move", "a " + item->kind + " moves to '" + move.status + "' by " +
                                            std::string(by_loan->route));
  }
  if (move.duplicate_of) KRING_TRY(check_original(*conn, actor, *item, *move.duplicate_of));
  store::StatusChange change;
  change.item_id = id;
  change.from_status = item->status;
  change.to_status = move.status;
  change.actor_id = actor.id;
  change.note = std::move(*note);
  change.changed_at = now_micros();
  store::StatusChangeRepository(*conn).record(change);
  items.set_status(id, move.status);
  if (move.duplicate_of)
    store::DuplicateRepository(*conn).mark(id, *move.duplicate_of, change.changed_at);
  Notifier notifier(*conn, hub_);
  // Those going to an event hear that it is called off first, and once.
  std::vector<NotificationKind> told = {NotificationKind::kStatusChanged};
  if (kind->takes_rsvps && !kind->is_open(move.status)) {
    told.insert(told.begin(), NotificationKind::kEventCancelled);
  }
  notifier.notify({.kinds = told, .actor = actor.id, .item = id});
  auto stored = items.find(id);
  // Called on again: places given back meanwhile go to those waiting.
  if (kind->takes_rsvps) promote_waitlisted(*conn, notifier, *stored, actor.id);
  ItemView view = view_item(*conn, actor.id, std::move(*stored));
  fill_can(standing, view);
  tx.commit();
  notifier.publish();
  return view;
}

Result<Page<StatusChangeView>> ItemStatuses::history(const Actor& viewer, ItemId id,
                                                     const PageRequest& request) {
  auto pager = Pager::open(list_name({"status-history", std::to_string(id)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  if (!store::ItemRepository(*conn).readable(id, viewer.id)) {
    return no_item(viewer, Action::kViewStatusHistory, id);
  }
  KRING_TRY(decide(viewer, Action::kViewStatusHistory));
  store::MemberRepository members(*conn);
  return pager->page(
      store::StatusChangeRepository(*conn).for_item(id, viewer.id, pager->after(), pager->fetch()),
      [](const store::StatusChange& c) {
        return CursorKey{0, c.id};
      },
      [&](store::StatusChange&& c) {
        StatusChangeView v;
        if (c.actor_shown) {
          if (auto m = members.find_by_id(c.actor_id)) {
            v.actor = view_member(*conn, viewer.id, std::move(*m), false);
          }
        } else {
          c.note.clear();
        }
        v.change = std::move(c);
        return v;
      });
}

}  // namespace kring::social
