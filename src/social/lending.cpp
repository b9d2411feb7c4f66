#include "social/lending.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "core/kinds.h"
#include "social/capabilities.h"
#include "social/notifier.h"
#include "store/item_repository.h"
#include "store/status_change_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {

constexpr Micros kDay = 86'400LL * 1'000'000;

constexpr std::array<std::string_view, 1> kLendModes = {"lend"};
constexpr std::array<std::string_view, 2> kGiveModes = {"give", "help"};

constexpr std::array<LoanMove, 5> kLoanMoves = {{
    {Action::kReserveOffer,
     "available",
     "reserved",
     {},
     "reserve",
     "POST /api/v1/items/{id}/reservation"},
    {Action::kCancelReservation,
     "reserved",
     "available",
     {},
     "cancel_reservation",
     "DELETE /api/v1/items/{id}/reservation"},
    {Action::kLendOffer, "reserved", "lent", kLendModes, "lend", "POST /api/v1/items/{id}/lend"},
    {Action::kGiveOffer, "reserved", "given", kGiveModes, "give", "POST /api/v1/items/{id}/give"},
    {Action::kConfirmReturn, "lent", "returned", {}, "return", "POST /api/v1/items/{id}/return"},
}};

const LoanMove& move_of(Action action) {
  for (const auto& m : kLoanMoves) {
    if (m.action == action) return m;
  }
  throw std::logic_error("no lending move for " + action_name(action));
}

// The kind table's transition a verb makes on this kind; every kind that
// takes loans has each (a missing one is a broken kind table).
const StatusTransition& transition_of(const ItemKindRule& kind, const LoanMove& move) {
  const StatusTransition* t = kind.transition(move.from, move.to);
  if (!t) {
    throw std::logic_error("the " + std::string(kind.kind) + " kind has no move from '" +
                           std::string(move.from) + "' to '" + std::string(move.to) + "'");
  }
  return *t;
}

bool mode_takes(const LoanMove& move, const Item& item) {
  if (move.modes.empty()) return true;
  return item.offer_mode &&
         std::find(move.modes.begin(), move.modes.end(), *item.offer_mode) != move.modes.end();
}

std::string quoted(std::span<const std::string_view> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out.append("'").append(names[i]).append("'");
  }
  return out;
}

// The actor's standing toward the offer: the item's, with the holder
// filled (StandingCache::item) and a block between the actor and the
// author, which hides the offer from a reservation.
Resource offer_standing(store::Connection& conn, StandingCache& standing, const Actor& actor,
                        const Item& item) {
  Resource r = standing.item(item);
  r.not_found = "no item " + std::to_string(item.id);
  if (actor.signed_in() && !r.own) {
    r.blocked = store::TieRepository(conn).blocked_either_way(actor.id, item.author_id);
  }
  return r;
}

bool barred_by_overdue(store::Connection& conn, const Actor& actor, const Item& item) {
  return item.offer_mode == "lend" && actor.signed_in() &&
         store::LoanRepository(conn).has_overdue(actor.id, now_micros());
}

Error wrong_place(const Item& item, const LoanMove& move, std::vector<std::string_view> allowed) {
  Error e =
      Error::conflict("invalid_transition", "this offer is '" + item.status + "'; it moves to '" +
                                                std::string(move.to) + "' only from '" +
                                                std::string(move.from) + "'");
  e.allowed.emplace(allowed.begin(), allowed.end());
  return e;
}

Status check_due(std::optional<Micros> due_at, Micros now) {
  if (!due_at) {
    return Error::invalid("missing_due_at",
                          "a loan has a due date: due_at, an RFC 3339 time in the future");
  }
  if (*due_at <= now) return Error::invalid("due_in_past", "due_at must be in the future");
  if (*due_at > now + kMaxLoanDays * kDay) {
    return Error::invalid("due_too_far",
                          "a loan is due within " + std::to_string(kMaxLoanDays) + " days");
  }
  return {};
}

// What a verb tells, beside the item's followers (status_changed).
NotificationKind told_of(Action action) {
  switch (action) {
    case Action::kReserveOffer:
      return NotificationKind::kOfferReserved;
    case Action::kCancelReservation:
      return NotificationKind::kReservationCancelled;
    case Action::kConfirmReturn:
      return NotificationKind::kLoanReturned;
    default:
      return NotificationKind::kOfferHandedOver;
  }
}

}  // namespace

std::span<const LoanMove> loan_moves() { return kLoanMoves; }

const LoanMove* loan_move(const Item& item, std::string_view from, std::string_view to) {
  if (!takes_loans(item)) return nullptr;
  for (const auto& m : kLoanMoves) {
    if (m.from == from && m.to == to) return &m;
  }
  return nullptr;
}

void add_loan_can(store::Connection& conn, const Actor& actor, const Resource& item,
                  const Item& row, Can& can) {
  const ItemKindRule* kind = find_item_kind(row.kind);
  if (!kind || !takes_loans(row)) return;
  Resource r = item;
  if (actor.signed_in() && !r.own) {
    r.blocked = store::TieRepository(conn).blocked_either_way(actor.id, row.author_id);
  }
  for (const auto& m : kLoanMoves) {
    bool may = row.status == m.from && mode_takes(m, row) &&
               allows_transition(actor, m.action, r, transition_of(*kind, m));
    if (may && m.action == Action::kReserveOffer) may = !barred_by_overdue(conn, actor, row);
    can.entries.emplace_back(m.can_key, may);
  }
}

namespace {

// One lending verb, start to end, in one write transaction. `act` does the
// verb's own checks and writes on the loan; the move itself (status,
// history, notifications, the view) is the same for all.
template <typename Act>
Result<ItemView> make_move(store::Database& db, NotificationHub& hub, const Actor& actor, ItemId id,
                           Action action, Act&& act) {
  const LoanMove& move = move_of(action);
  auto conn = db.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  if (!item) return refuse_missing(actor, action, "no item " + std::to_string(id));
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || !takes_loans(*item)) {
    return Error::conflict("not_an_offer", "a " + item->kind + " is not lent or reserved");
  }
  StandingCache standing(*conn, actor);
  Resource r = offer_standing(*conn, standing, actor, *item);
  KRING_TRY(decide_transition(actor, action, r, transition_of(*kind, move)));
  if (!mode_takes(move, *item)) {
    return Error::conflict("wrong_offer_mode", "this is offered to " +
                                                   item->offer_mode.value_or("help") +
                                                   "; only an offer to " + quoted(move.modes) +
                                                   " moves to '" + std::string(move.to) + "'");
  }
  if (item->status != move.from) {
    if (action == Action::kReserveOffer && (item->status == "reserved" || item->status == "lent")) {
      return Error::conflict("already_reserved", "someone else holds this offer already");
    }
    std::vector<std::string_view> allowed;
    for (const auto& m : kLoanMoves) {
      if (m.from == item->status && mode_takes(m, *item) &&
          allows_transition(actor, m.action, r, transition_of(*kind, m))) {
        allowed.push_back(m.to);
      }
    }
    return wrong_place(*item, move, std::move(allowed));
  }
  store::LoanRepository loans(*conn);
  const Micros now = now_micros();
  auto loan = loans.open_for(id);
  auto holder = act(*conn, *item, loan, now);
  if (!holder) return std::move(holder).error();

  store::StatusChange change;
  change.item_id = id;
  change.from_status = item->status;
  change.to_status = std::string(move.to);
  change.actor_id = actor.id;
  change.changed_at = now;
  store::StatusChangeRepository(*conn).record(change);
  items.set_status(id, change.to_status);
  Notifier notifier(*conn, hub);
  // The reserver is the holder; a reserved or lent offer written without
  // a loan (demo data) has no holder to tell, only followers.
  std::vector<NotificationKind> kinds = {NotificationKind::kStatusChanged};
  if (*holder != 0) kinds.insert(kinds.begin(), told_of(action));
  notifier.notify({.kinds = std::move(kinds), .actor = actor.id, .item = id, .member = *holder});
  auto stored = items.find(id);
  ItemView view = view_item(*conn, actor.id, std::move(*stored));
  fill_can(standing, view);
  tx.commit();
  notifier.publish();
  return view;
}

// The holder of the open loan, which a reserved or lent offer has (0 for
// one written without).
MemberId holder_of(const std::optional<store::Loan>& loan) { return loan ? loan->borrower_id : 0; }

}  // namespace

Result<ItemView> Lending::reserve(const Actor& actor, ItemId id) {
  return make_move(
      db_, hub_, actor, id, Action::kReserveOffer,
      [&](store::Connection& conn, const Item& item, const std::optional<store::Loan>& open,
          Micros now) -> Result<MemberId> {
        if (barred_by_overdue(conn, actor, item)) {
          return Error::conflict("overdue_loan", "return what you borrowed and is overdue first");
        }
        if (open) {
          return Error::conflict("already_reserved", "someone else holds this offer already");
        }
        store::LoanRepository(conn).reserve(item.id, actor.id, now);
        return actor.id;
      });
}

Result<ItemView> Lending::cancel_reservation(const Actor& actor, ItemId id) {
  return make_move(db_, hub_, actor, id, Action::kCancelReservation,
                   [&](store::Connection& conn, const Item&, const std::optional<store::Loan>& open,
                       Micros now) -> Result<MemberId> {
                     if (open) store::LoanRepository(conn).cancel(open->id, now);
                     return holder_of(open);
                   });
}

Result<ItemView> Lending::lend(const Actor& actor, ItemId id, std::optional<Micros> due_at) {
  return make_move(db_, hub_, actor, id, Action::kLendOffer,
                   [&](store::Connection& conn, const Item&, const std::optional<store::Loan>& open,
                       Micros now) -> Result<MemberId> {
                     KRING_TRY(check_due(due_at, now));
                     if (open) store::LoanRepository(conn).lend(open->id, now, *due_at);
                     return holder_of(open);
                   });
}

Result<ItemView> Lending::give(const Actor& actor, ItemId id) {
  return make_move(db_, hub_, actor, id, Action::kGiveOffer,
                   [&](store::Connection& conn, const Item&, const std::optional<store::Loan>& open,
                       Micros now) -> Result<MemberId> {
                     if (open) store::LoanRepository(conn).give(open->id, now);
                     return holder_of(open);
                   });
}

Result<ItemView> Lending::confirm_return(const Actor& actor, ItemId id) {
  return make_move(db_, hub_, actor, id, Action::kConfirmReturn,
                   [&](store::Connection& conn, const Item&, const std::optional<store::Loan>& open,
                       Micros now) -> Result<MemberId> {
                     if (open) store::LoanRepository(conn).mark_returned(open->id, now);
                     return holder_of(open);
                   });
}

Result<Page<LoanEntry>> Lending::loans(const Actor& actor, store::LoanRole role,
                                       store::LoanState state, const PageRequest& request) {
  KRING_TRY(decide(actor, Action::kListOwnLoans));
  auto pager = Pager::open(list_name({"loans", role == store::LoanRole::kLent ? "lent" : "borrowed",
                                      state == store::LoanState::kOpen ? "open" : "past"}),
                           request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::ItemRepository items(*conn);
  StandingCache standing(*conn, actor);
  return pager->page(
      store::LoanRepository(*conn).for_member(actor.id, role, state, pager->after(),
                                              pager->fetch()),
      [](const store::Loan& l) {
        return CursorKey{0, l.id};
      },
      [&](store::Loan&& l) {
        LoanEntry e;
        if (items.readable(l.item_id, actor.id)) {
          if (auto item = items.find(l.item_id)) {
            e.item = view_item(*conn, actor.id, std::move(*item));
            fill_can(standing, *e.item);
          }
        }
        e.loan = view_loan(*conn, actor.id, std::move(l));
        return e;
      });
}

}  // namespace kring::social
