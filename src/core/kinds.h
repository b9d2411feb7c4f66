#pragma once
// The kind table: what differs between item kinds, as data (DESIGN.md, "The
// rule book"). One row per kind says which fields an item of that kind
// takes (and which of them it needs), the statuses it may pass through,
// where it starts, which of them close it, which moves between statuses
// exist and who may make each, and whether it takes votes, contributions
// or RSVPs. Items
// (social/items) validate against it, GET /api/v1/vocabulary publishes it,
// and the web app reads that instead of copying it. A new kind is a new row
// in kinds.cpp; a malformed row (a transition to a status the kind does not
// have, a duplicate name) does not compile.
//
// Thread-safe: constant data.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "core/enum_names.h"

namespace kring {

// The standings a status move may be granted to. The policy
// (social/policy) resolves them for an actor and an item:
//   kAuthor         the item's author;
//   kSpaceModerator a moderator or owner of the item's space (roles are
//                   ordered: an owner may do what a moderator may);
//   kSpaceOwner     an owner of the item's space;
//   kAdmin          an instance admin;
//   kOrganiser      the item's author or one of its co-organisers
//                   (item_organisers: an initiative's or an event's team);
//   kParticipant    a member other than the author who may take part
//                   where the item is (reserving an offered item);
//   kHolder         the member who holds the item's reservation or loan;
//   kInstance       kring itself, at a deadline or an expiry (a sweep):
//                   no member holds it, so a move open only to it is
//                   refused to everyone who asks.
// The policy's own rules (not suspended, still a member, may see the item)
// apply on top: a standing names who may, not that they always can.
enum class Standing {
  kAuthor,
  kSpaceModerator,
  kSpaceOwner,
  kAdmin,
  kOrganiser,
  kParticipant,
  kHolder,
  kInstance
};

template <>
struct EnumNames<Standing> {
  static constexpr std::array<EnumName<Standing>, 8> kTable = {{
      {Standing::kAuthor, "author"},
      {Standing::kSpaceModerator, "space_moderator"},
      {Standing::kSpaceOwner, "space_owner"},
      {Standing::kAdmin, "admin"},
      {Standing::kOrganiser, "organiser"},
      {Standing::kParticipant, "participant"},
      {Standing::kHolder, "holder"},
      {Standing::kInstance, "instance"},
  }};
};

// A set of standings; a transition is open to an actor holding any of them.
class Standings {
 public:
  constexpr Standings(std::initializer_list<Standing> standings) {
    for (Standing s : standings) bits_ |= bit(s);
  }
  constexpr bool contains(Standing s) const { return (bits_ & bit(s)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }

 private:
  static constexpr std::uint8_t bit(Standing s) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s));
  }
  std::uint8_t bits_ = 0;
};

// The fields beyond kind, body, space and visibility that an item may
// carry. Every kind names the ones it takes; the others are refused.
enum class ItemField {
  kTitle,
  kLocation,
  kCategory,
  kGoals,
  kStartsAt,
  kEndsAt,
  kCapacity,
  kSkills,
  kDeadline,
  kMinimum,
  kExpiresAt,
  kOfferMode
};

template <>
struct EnumNames<ItemField> {
  static constexpr std::array<EnumName<ItemField>, 12> kTable = {{
      {ItemField::kTitle, "title"},
      {ItemField::kLocation, "location"},
      {ItemField::kCategory, "category"},
      {ItemField::kGoals, "goals"},
      {ItemField::kStartsAt, "starts_at"},
      {ItemField::kEndsAt, "ends_at"},
      {ItemField::kCapacity, "capacity"},
      {ItemField::kSkills, "skills"},
      {ItemField::kDeadline, "deadline"},
      {ItemField::kMinimum, "minimum"},
      {ItemField::kExpiresAt, "expires_at"},
      {ItemField::kOfferMode, "offer"},
  }};
};

struct FieldRule {
  ItemField field;
  bool required;
};

// One permitted move of an item's status, and who may make it. With
// `author_window_days` > 0 the kAuthor standing holds only for that many
// days after the item entered `from` (a reporter may reopen a solved report
// within 30 days; the hosts named beside them may at any time).
struct StatusTransition {
  std::string_view from;
  std::string_view to;
  Standings by;
  int author_window_days = 0;
};

// A question the item's author is asked some days after the item reached a
// status ("is it fixed?" a week after a report is solved). Answering no
// makes the move `status` -> `reopen_to`, which the table must open to the
// author. An empty status: the kind asks nothing.
struct FollowUp {
  std::string_view status;
  int after_days = 0;
  std::string_view reopen_to;
};

struct ItemKindRule {
  std::string_view kind;
  std::span<const FieldRule> fields;  // the fields this kind takes, in form order
  // Every status, in workflow order; empty: the kind has no workflow (its
  // items' status is "").
  std::span<const std::string_view> statuses;
  // The statuses at which the item is settled (declined, done, solved, a
  // duplicate): what a search for similar open items leaves out. Each is
  // one of statuses, never the initial one.
  std::span<const std::string_view> closed_statuses;
  std::string_view initial_status;  // one of statuses; "" without a workflow
  std::span<const StatusTransition> transitions;
  bool takes_votes = false;
  bool takes_contributions = false;
  bool takes_rsvps = false;
  FollowUp follow_up{};

  // The rule for `field`, or nullptr when this kind does not take it.
  constexpr const FieldRule* field(ItemField f) const {
    for (const auto& rule : fields) {
      if (rule.field == f) return &rule;
    }
    return nullptr;
  }
  constexpr bool takes(ItemField f) const { return field(f) != nullptr; }
  constexpr bool requires_field(ItemField f) const {
    const FieldRule* rule = field(f);
    return rule && rule->required;
  }
  constexpr bool has_status(std::string_view status) const {
    for (auto s : statuses) {
      if (s == status) return true;
    }
    return false;
  }
  // Open: at a status of the workflow that is not a closed one. A kind
  // without workflow has no open items.
  constexpr bool is_open(std::string_view status) const {
    if (!has_status(status)) return false;
    for (auto s : closed_statuses) {
      if (s == status) return false;
    }
    return true;
  }
  // The move from `from` to `to`, or nullptr when the workflow has none.
  constexpr const StatusTransition* transition(std::string_view from, std::string_view to) const {
    for (const auto& t : transitions) {
      if (t.from == from && t.to == to) return &t;
    }
    return nullptr;
  }
};

// The categories an item's `category` may name (reports of a problem at a
// place, ideas), in the order a picker offers them. GET /api/v1/vocabulary
// publishes them.
std::span<const std::string_view> item_categories();
bool is_item_category(std::string_view category);

// What an offer offers (ItemField::kOfferMode): help, lend or give.
std::span<const std::string_view> offer_modes();
bool is_offer_mode(std::string_view mode);

// What an initiative's goal counts (ItemGoal::kind): time in hours, money
// in cents, or items (counted, with a label saying what).
std::span<const std::string_view> goal_kinds();
bool is_goal_kind(std::string_view kind);

// What a contribution gives (the ledger, social/contributions): time in
// hours, knowledge, items, money in cents, or support. A goal of kind k
// counts the contributions of kind k.
std::span<const std::string_view> contribution_kinds();
bool is_contribution_kind(std::string_view kind);

// Every kind, in the order a picker offers them (the first is the default).
std::span<const ItemKindRule> item_kinds();
// nullptr when the kind is unknown.
const ItemKindRule* find_item_kind(std::string_view kind);

}  // namespace kring
