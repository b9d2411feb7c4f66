#include "social/contributions.h"

#include <array>
#include <map>
#include <span>

#include "core/kinds.h"
#include "core/validation.h"
#include "social/capabilities.h"
#include "social/exchange_fields.h"
#include "social/initiative_progress.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "social/visibility.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/organiser_repository.h"
#include "store/space_repository.h"
#include "store/status_change_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {

constexpr std::array<std::string_view, 1> kFromPledged = {"pledged"};
constexpr std::array<std::string_view, 2> kFromUndecided = {"pledged", "delivered"};

// One row per move: the policy's action, the statuses it leaves, where it
// goes, and whom it tells (the giver, for a decision).
struct MoveRule {
  ContributionMove move;
  std::string_view key;  // the API's name (route and `can`)
  Action action;
  std::span<const std::string_view> from;
  std::string_view to;
  std::optional<NotificationKind> tells_giver;
};

const std::array<MoveRule, 4> kMoves = {{
    {ContributionMove::kDeliver, "deliver", Action::kDeliverContribution, kFromPledged, "delivered",
     std::nullopt},
    {ContributionMove::kConfirm, "confirm", Action::kConfirmContribution, kFromUndecided,
     "confirmed", NotificationKind::kContributionConfirmed},
    {ContributionMove::kDecline, "decline", Action::kDeclineContribution, kFromUndecided,
     "declined", NotificationKind::kContributionDeclined},
    {ContributionMove::kWithdraw, "withdraw", Action::kWithdrawContribution, kFromUndecided,
     "withdrawn", std::nullopt},
}};

const MoveRule& rule_of(ContributionMove move) { return kMoves[static_cast<std::size_t>(move)]; }

bool leaves(const MoveRule& rule, std::string_view status) {
  for (auto s : rule.from) {
    if (s == status) return true;
  }
  return false;
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

Result<std::string> checked_note(const std::optional<std::string>& note) {
  if (!note || blank(*note)) return std::string();
  KRING_TRY(validate_text("note", *note, kContributionNoteMax, true));
  return *note;
}

std::string no_item_message(ItemId id) { return "no item " + std::to_string(id); }
std::string no_contribution_message(std::int64_t id) {
  return "no contribution " + std::to_string(id);
}

// The item the actor may read, or nothing.
std::optional<Item> readable_item(store::Connection& conn, const Actor& actor, ItemId id) {
  store::ItemRepository items(conn);
  if (!items.readable(id, actor.id)) return std::nullopt;
  return items.find(id);
}

// The actor's standing toward a contribution on `item`: own for its giver,
// organiser for the item's author and co-organisers, the item's space as
// the actor stands there.
Resource contribution_standing(store::Connection& conn, StandingCache& standing, const Actor& actor,
                               const Item& item, const store::Contribution& c) {
  Resource r = standing.content(item.author_id, item.space_id);
  r.own = actor.signed_in() && c.giver_id == actor.id;
  r.organiser =
      actor.signed_in() && (item.author_id == actor.id ||
                            store::OrganiserRepository(conn).is_organiser(item.id, actor.id));
  r.not_found = no_contribution_message(c.id);
  return r;
}

Can contribution_can(const Actor& actor, const Resource& r, const store::Contribution& c) {
  Can can;
  for (const MoveRule& m : kMoves) {
    can.entries.emplace_back(m.key, leaves(m, c.status) && allows(actor, m.action, r));
  }
  return can;
}

// The goal an initiative's pledge counts toward, if any.
Result<std::optional<std::int64_t>> goal_of(const Item& item, const NewContribution& in) {
  const bool counted_alone = in.kind == "knowledge" || in.kind == "support";
  if (item.goals.empty()) {
    if (in.goal) return Error::invalid("no_such_goal", "a " + item.kind + " has no goals");
    return std::optional<std::int64_t>();
  }
  if (in.goal) {
    if (*in.goal < 0 || *in.goal >= static_cast<std::int64_t>(item.goals.size())) {
      return Error::invalid("no_such_goal", "goal is an index into the initiative's " +
                                                std::to_string(item.goals.size()) + " goals");
    }
    const ItemGoal& g = item.goals[static_cast<std::size_t>(*in.goal)];
    if (g.kind != in.kind) {
      return Error::invalid("wrong_goal_kind", "goal " + std::to_string(*in.goal) + " counts " +
                                                   g.kind + ", not " + in.kind);
    }
    return in.goal;
  }
  std::optional<std::int64_t> found;
  for (std::size_t i = 0; i < item.goals.size(); ++i) {
    if (item.goals[i].kind != in.kind) continue;
    if (found) {
      return Error::invalid("ambiguous_goal",
                            "several goals count " + in.kind + "; say which with goal (its index)");
    }
    found = static_cast<std::int64_t>(i);
  }
  if (!found && !counted_alone) {
    return Error::invalid("no_such_goal", "no goal of this initiative counts " + in.kind);
  }
  return found;
}

Result<std::int64_t> amount_of(const NewContribution& in) {
  const std::int64_t max = max_amount(in.kind);
  if (!in.amount) {
    if (max == 1) return std::int64_t{1};
    return Error::invalid("invalid_amount", "amount is required for " + in.kind);
  }
  if (*in.amount <= 0 || *in.amount > max) {
    return Error::invalid("invalid_amount",
                          "the amount of " + in.kind + " is 1 to " + std::to_string(max));
  }
  return *in.amount;
}

// Views of contribution rows for one viewer, reading each item and member once.
class ViewBuilder {
 public:
  ViewBuilder(store::Connection& conn, const Actor& viewer)
      : conn_(conn), viewer_(viewer), standing_(conn, viewer) {}

  ContributionView view(store::Contribution&& c) {
    ContributionView v;
    const Item* item = item_of(c.item_id);
    if (item) {
      v.item = {item->id, item->kind, item->title};
      v.can =
          contribution_can(viewer_, contribution_standing(conn_, standing_, viewer_, *item, c), c);
    }
    v.giver = member(c.giver_id);
    v.receiver = member(c.receiver_id);
    v.row = std::move(c);
    return v;
  }

 private:
  const Item* item_of(ItemId id) {
    auto [it, added] = items_.try_emplace(id);
    if (added) it->second = store::ItemRepository(conn_).find(id);
    return it->second ? &*it->second : nullptr;
  }
  std::optional<MemberView> member(MemberId id) {
    auto [it, added] = members_.try_emplace(id);
    if (added) {
      if (auto m = store::MemberRepository(conn_).find_by_id(id)) {
        it->second = view_member(conn_, viewer_.id, std::move(*m), false);
      }
    }
    return it->second;
  }

  store::Connection& conn_;
  const Actor& viewer_;
  StandingCache standing_;
  std::map<ItemId, std::optional<Item>> items_;
  std::map<MemberId, std::optional<MemberView>> members_;
};

Result<ContributionPage> list_page(store::Connection& conn, const Actor& viewer,
                                   const store::ContributionFilter& filter, const Pager& pager) {
  store::ContributionRepository repo(conn);
  ViewBuilder views(conn, viewer);
  ContributionPage out;
  out.page = pager.page(
      repo.list(filter, viewer.id, pager.after(), pager.fetch()),
      [](const store::Contribution& c) {
        return CursorKey{0, c.id};
      },
      [&](store::Contribution&& c) { return views.view(std::move(c)); });
  out.totals = repo.totals(filter, viewer.id);
  return out;
}

std::string_view role_name(ContributionRole role) {
  switch (role) {
    case ContributionRole::kGiven:
      return "given";
    case ContributionRole::kReceived:
      return "received";
    case ContributionRole::kAny:
      break;
  }
  return "any";
}

// Questions settled per sweep; the rest wait for the next one, so a sweep
// after a long stop does not hold the write lock for long.
constexpr int kSettledPerSweep = 200;

}  // namespace

Result<ContributionView> Contributions::pledge(const Actor& actor, ItemId id,
                                               const NewContribution& in) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto item = readable_item(*conn, actor, id);
  if (!item) return refuse_missing(actor, Action::kPledge, no_item_message(id));
  StandingCache standing(*conn, actor);
  Resource r = standing.content(item->author_id, item->space_id);
  r.not_found = no_item_message(id);
  // A block between giver and receiver hides the item from the pledge.
  r.blocked = actor.signed_in() &&
              store::TieRepository(*conn).blocked_either_way(actor.id, item->author_id);
  KRING_TRY(decide(actor, Action::kPledge, r));
  const ItemKindRule* kind = find_item_kind(item->kind);
  if (!kind || !kind->takes_contributions) {
    return Error::conflict("no_contributions", "a " + item->kind + " takes no contributions");
  }
  if (!kind->is_open(item->status)) {
    return Error::conflict("item_closed", "this " + item->kind + " is " + item->status +
                                              " and takes no more contributions");
  }
  if (!is_contribution_kind(in.kind)) {
    std::string names;
    for (auto k : contribution_kinds()) names += (names.empty() ? "" : ", ") + std::string(k);
    return Error::invalid("invalid_kind", "a contribution's kind is one of " + names);
  }
  auto amount = amount_of(in);
  if (!amount) return std::move(amount).error();
  auto note = checked_note(in.note);
  if (!note) return std::move(note).error();
  auto goal = goal_of(*item, in);
  if (!goal) return std::move(goal).error();

  store::Contribution c;
  c.item_id = id;
  c.giver_id = actor.id;
  c.receiver_id = item->author_id;
  c.kind = in.kind;
  c.amount = *amount;
  c.goal = *goal;
  c.note = std::move(*note);
  c.created_at = now_micros();
  store::ContributionRepository repo(*conn);
  c.id = repo.insert(c);
  Notifier notifier(*conn, hub_);
  notifier.notify(
      {.kinds = {NotificationKind::kContributionPledged}, .actor = actor.id, .item = id});
  ContributionView view = ViewBuilder(*conn, actor).view(std::move(*repo.find(c.id)));
  tx.commit();
  notifier.publish();
  return view;
}

Result<ContributionView> Contributions::move(const Actor& actor, std::int64_t id,
                                             ContributionMove which,
                                             const std::optional<std::string>& note) {
  const MoveRule& rule = rule_of(which);
  auto conn = db_.lease();
  // A write transaction from the start: concurrent moves of one
  // contribution queue here, and each sees the status the one before left.
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ContributionRepository repo(*conn);
  auto c = repo.find(id);
  std::optional<Item> item;
  if (c) item = readable_item(*conn, actor, c->item_id);
  if (!item) return refuse_missing(actor, rule.action, no_contribution_message(id));
  StandingCache standing(*conn, actor);
  KRING_TRY(decide(actor, rule.action, contribution_standing(*conn, standing, actor, *item, *c)));
  auto checked = checked_note(note);
  if (!checked) return std::move(checked).error();
  if (!leaves(rule, c->status) ||
      !repo.move(id, rule.from, rule.to, now_micros(), actor.id, *checked)) {
    return Error::conflict("invalid_transition",
                           "a " + c->status + " contribution cannot be " + std::string(rule.to));
  }
  Notifier notifier(*conn, hub_);
  if (rule.tells_giver) {
    notifier.notify({.kinds = {*rule.tells_giver},
                     .actor = actor.id,
                     .item = c->item_id,
                     .member = c->giver_id});
  }
  ContributionView view = ViewBuilder(*conn, actor).view(std::move(*repo.find(id)));
  tx.commit();
  notifier.publish();
  return view;
}

Result<ContributionPage> Contributions::for_item(const Actor& viewer, ItemId id,
                                                 const PageRequest& request) {
  auto pager = Pager::open(list_name({"item-contributions", std::to_string(id)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  if (!readable_item(*conn, viewer, id)) {
    return refuse_missing(viewer, Action::kListContributions, no_item_message(id));
  }
  KRING_TRY(decide(viewer, Action::kListContributions));
  return list_page(*conn, viewer, {store::ContributionFilter::By::kItem, id}, *pager);
}

Result<ContributionPage> Contributions::for_member(const Actor& viewer, const std::string& handle,
                                                   ContributionRole role,
                                                   const PageRequest& request) {
  auto pager = Pager::open(list_name({"member-contributions", handle, role_name(role)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto member = store::MemberRepository(*conn).find_by_handle(handle);
  Resource r = Resource::missing("no member with handle '" + handle + "'");
  if (member) r.visible = may_see_member(viewer, member_standing(*conn, viewer.id, *member));
  KRING_TRY(decide(viewer, Action::kListContributions, r));
  using By = store::ContributionFilter::By;
  const By by = role == ContributionRole::kGiven      ? By::kGiver
                : role == ContributionRole::kReceived ? By::kReceiver
                                                      : By::kGiverOrReceiver;
  return list_page(*conn, viewer, {by, member->id}, *pager);
}

Result<ContributionPage> Contributions::for_space(const Actor& viewer, const std::string& slug,
                                                  const PageRequest& request) {
  auto pager = Pager::open(list_name({"space-contributions", slug}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::SpaceRepository spaces(*conn);
  auto space = spaces.find_by_slug(slug);
  Resource r = Resource::missing("no space with slug '" + slug + "'");
  if (space) {
    std::optional<Membership> m;
    if (viewer.signed_in()) m = spaces.membership(space->id, viewer.id);
    r = Resource::of_space(*space, m);
    r.not_found = "no space with slug '" + slug + "'";
  }
  KRING_TRY(decide(viewer, Action::kListContributions, r));
  return list_page(*conn, viewer, {store::ContributionFilter::By::kSpace, space->id}, *pager);
}

Result<TimeBalance> Contributions::time_balance(const Actor& viewer, const std::string& handle) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto member = store::MemberRepository(*conn).find_by_handle(handle);
  Resource r = Resource::missing("no member with handle '" + handle + "'");
  if (member) {
    r.visible = may_see_member(viewer, member_standing(*conn, viewer.id, *member));
    r.own = viewer.signed_in() && member->id == viewer.id;
  }
  KRING_TRY(decide(viewer, Action::kViewTimeBalance, r));
  auto t = store::ContributionRepository(*conn).time_totals(member->id);
  return TimeBalance{t.given_confirmed, t.received_confirmed,
                     t.given_confirmed - t.received_confirmed, t.given_open, t.received_open};
}

int Contributions::settle_due(Micros now) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ContributionRepository repo(*conn);
  store::ItemRepository items(*conn);
  const ItemKindRule* kind = find_item_kind("initiative");
  Notifier notifier(*conn, hub_);
  int settled = 0;
  for (ItemId id : repo.due_initiatives(now, kSettledPerSweep)) {
    auto item = items.find(id);
    if (!item || !item->minimum) continue;
    const bool reached = reaches_minimum(initiative_progress(*conn, *item), *item->minimum);
    const std::string to = reached ? "underway" : "failed";
    if (!kind || !kind->transition(item->status, to)) continue;
    const auto pledgers = repo.pledgers(id);
    store::StatusChange change;
    change.item_id = id;
    change.from_status = item->status;
    change.to_status = to;
    change.actor_id = item->author_id;
    change.note = reached ? "The minimum of " + std::to_string(*item->minimum) +
                                "% of every goal was pledged by the deadline; the pledges bind"
                          : "The minimum of " + std::to_string(*item->minimum) +
                                "% of every goal was not pledged by the deadline; the open "
                                "pledges are void";
    change.changed_at = now;
    store::StatusChangeRepository(*conn).record(change);
    items.set_status(id, to);
    if (!reached) repo.void_open(id, now);
    const NotificationKind told = reached ? NotificationKind::kInitiativeMinimumReached
                                          : NotificationKind::kInitiativeMinimumMissed;
    for (MemberId pledger : pledgers) {
      notifier.notify({.kinds = {told}, .actor = item->author_id, .item = id, .member = pledger});
    }
    ++settled;
  }
  tx.commit();
  notifier.publish();
  return settled;
}

}  // namespace kring::social
