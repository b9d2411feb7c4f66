#include "core/kinds.h"

namespace kring {

namespace {

// ---- note: a short post, no title, no workflow.
constexpr std::array<FieldRule, 0> kNoteFields{};

// ---- article: a longer text that needs a title.
constexpr std::array<FieldRule, 1> kArticleFields = {{{ItemField::kTitle, true}}};

// ---- question: open until the asker, or the space's hosts, mark it
// answered; it reopens the same way.
constexpr std::array<FieldRule, 1> kQuestionFields = {{{ItemField::kTitle, false}}};
constexpr std::array<std::string_view, 2> kQuestionStatuses = {"open", "answered"};
constexpr std::array<std::string_view, 1> kQuestionClosed = {"answered"};
constexpr Standings kAskerOrHosts = {Standing::kAuthor, Standing::kSpaceModerator,
                                     Standing::kAdmin};
constexpr std::array<StatusTransition, 2> kQuestionTransitions = {{
    {"open", "answered", kAskerOrHosts},
    {"answered", "open", kAskerOrHosts},
}};

// ---- idea: put forward to a space (or on a profile) and supported by
// votes; the space's hosts take it under review and decide, and follow an
// accepted idea through to done. On a profile only admins hold it.
constexpr std::array<FieldRule, 3> kIdeaFields = {{
    {ItemField::kTitle, true},
    {ItemField::kCategory, false},
    {ItemField::kLocation, false},
}};
constexpr std::array<std::string_view, 5> kIdeaStatuses = {"open", "under_review", "accepted",
                                                           "declined", "done"};
// Accepted is not closed: it is on its way to done, and support still tells.
constexpr std::array<std::string_view, 2> kIdeaClosed = {"declined", "done"};
constexpr Standings kHosts = {Standing::kSpaceModerator, Standing::kAdmin};
constexpr std::array<StatusTransition, 4> kIdeaTransitions = {{
    {"open", "under_review", kHosts},
    {"under_review", "accepted", kHosts},
    {"under_review", "declined", kHosts},
    {"accepted", "done", kHosts},
}};

// ---- report: a problem or wish at a place, addressed to a space (the
// municipality's, the building manager's). Its hosts acknowledge it, work on
// it and close it as solved, won't fix or a duplicate of an earlier report;
// the reporter may reopen a solved one within 30 days, the hosts at any time.
constexpr std::array<FieldRule, 3> kReportFields = {{
    {ItemField::kTitle, true},
    {ItemField::kCategory, true},
    {ItemField::kLocation, true},
}};
constexpr std::array<std::string_view, 6> kReportStatuses = {
    "reported", "acknowledged", "in_progress", "solved", "wont_fix", "duplicate"};
// Solved may be reopened, yet until then there is nothing to add to it.
constexpr std::array<std::string_view, 3> kReportClosed = {"solved", "wont_fix", "duplicate"};
constexpr Standings kReporterOrHosts = {Standing::kAuthor, Standing::kSpaceModerator,
                                        Standing::kAdmin};
constexpr int kReopenWindowDays = 30;
constexpr std::array<StatusTransition, 11> kReportTransitions = {{
    {"reported", "acknowledged", kHosts},
    {"reported", "wont_fix", kHosts},
    {"reported", "duplicate", kHosts},
    {"acknowledged", "in_progress", kHosts},
    {"acknowledged", "wont_fix", kHosts},
    {"acknowledged", "duplicate", kHosts},
    {"in_progress", "solved", kHosts},
    {"in_progress", "wont_fix", kHosts},
    {"in_progress", "duplicate", kHosts},
    {"solved", "in_progress", kReporterOrHosts, kReopenWindowDays},
    {"wont_fix", "acknowledged", kHosts},
}};

// ---- request: help wanted (what, when, where, which skills). Someone
// answers (matched), the help is given (done), or the asker calls it off.
constexpr std::array<FieldRule, 5> kRequestFields = {{
    {ItemField::kTitle, true},
    {ItemField::kSkills, false},
    {ItemField::kStartsAt, false},
    {ItemField::kEndsAt, false},
    {ItemField::kLocation, false},
}};
constexpr std::array<std::string_view, 4> kRequestStatuses = {"open", "matched", "done",
                                                              "cancelled"};
constexpr std::array<std::string_view, 2> kRequestClosed = {"done", "cancelled"};
constexpr std::array<StatusTransition, 5> kRequestTransitions = {{
    {"open", "matched", kAskerOrHosts},
    {"matched", "open", kAskerOrHosts},
    {"matched", "done", kAskerOrHosts},
    {"open", "cancelled", kAskerOrHosts},
    {"matched", "cancelled", kAskerOrHosts},
}};

// ---- offer: help, or an item to lend or give (`offer`: help | lend |
// give). Another member reserves it; the author lends it (with a due
// date) or gives it; the lender confirms its return and may offer it
// again. An offer with `expires_at` expires then (kring moves it), and its
// author may renew it. Reserving and lending are the offer service's moves
// (social/lending): it also records who holds it and refuses what the mode
// rules out (lending something offered to give).
constexpr std::array<FieldRule, 5> kOfferFields = {{
    {ItemField::kTitle, true},
    {ItemField::kOfferMode, true},
    {ItemField::kSkills, false},
    {ItemField::kLocation, false},
    {ItemField::kExpiresAt, false},
}};
constexpr std::array<std::string_view, 7> kOfferStatuses = {
    "available", "reserved", "lent", "returned", "given", "withdrawn", "expired"};
constexpr std::array<std::string_view, 4> kOfferClosed = {"returned", "given", "withdrawn",
                                                          "expired"};
constexpr Standings kOfferer = {Standing::kAuthor};
constexpr Standings kOffererOrHosts = {Standing::kAuthor, Standing::kSpaceModerator,
                                       Standing::kAdmin};
constexpr std::array<StatusTransition, 10> kOfferTransitions = {{
    {"available", "reserved", {Standing::kParticipant}},
    {"reserved", "available", {Standing::kAuthor, Standing::kHolder}},
    {"reserved", "lent", kOfferer},
    {"reserved", "given", kOfferer},
    {"lent", "returned", kOfferer},
    {"returned", "available", kOfferer},
    {"available", "withdrawn", kOffererOrHosts},
    {"withdrawn", "available", kOfferer},
    {"available", "expired", {Standing::kInstance}},
    {"expired", "available", kOfferer},
}};

// ---- initiative: a shared project with goals in time (hours), money
// (cents) and items, run by its author and co-organisers. With a
// `deadline` and a `minimum` (the percentage of every goal that must be
// pledged) pledges bind only once the minimum is reached by the deadline:
// kring moves it underway or failed then; without them it is underway as
// soon as its organisers say so.
constexpr std::array<FieldRule, 5> kInitiativeFields = {{
    {ItemField::kTitle, true},
    {ItemField::kGoals, true},
    {ItemField::kDeadline, false},
    {ItemField::kMinimum, false},
    {ItemField::kLocation, false},
}};
constexpr std::array<std::string_view, 5> kInitiativeStatuses = {"open", "underway", "done",
                                                                 "failed", "cancelled"};
constexpr std::array<std::string_view, 3> kInitiativeClosed = {"done", "failed", "cancelled"};
constexpr Standings kOrganisersOrHosts = {Standing::kOrganiser, Standing::kSpaceModerator,
                                          Standing::kAdmin};
constexpr std::array<StatusTransition, 5> kInitiativeTransitions = {{
    {"open", "underway", {Standing::kOrganiser, Standing::kInstance}},
    {"open", "failed", {Standing::kInstance}},
    {"open", "cancelled", kOrganisersOrHosts},
    {"underway", "done", kOrganisersOrHosts},
    {"underway", "cancelled", kOrganisersOrHosts},
}};

// ---- event: a time (`starts_at`, `ends_at`), a place (the place space it
// is posted in, or a location) and an optional `capacity`. Members RSVP
// (social/events); the organisers call it off or on again.
constexpr std::array<FieldRule, 5> kEventFields = {{
    {ItemField::kTitle, true},
    {ItemField::kStartsAt, true},
    {ItemField::kEndsAt, false},
    {ItemField::kLocation, false},
    {ItemField::kCapacity, false},
}};
constexpr std::array<std::string_view, 2> kEventStatuses = {"scheduled", "cancelled"};
constexpr std::array<std::string_view, 1> kEventClosed = {"cancelled"};
constexpr std::array<StatusTransition, 2> kEventTransitions = {{
    {"scheduled", "cancelled", kOrganisersOrHosts},
    {"cancelled", "scheduled", kOrganisersOrHosts},
}};

// Categories of problems and wishes at a place, after FixMyStreet's common
// set; one list for the instance so that open data and duplicates compare.
constexpr std::array<std::string_view, 10> kCategories = {
    "road",     "pavement", "lighting", "waste", "greenery",
    "traffic",  "noise",    "safety",   "play",  "other"};

constexpr std::array<ItemKindRule, 9> kKinds = {{
    {.kind = "note",
     .fields = kNoteFields,
     .statuses = {},
     .closed_statuses = {},
     .initial_status = "",
     .transitions = {},
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "article",
     .fields = kArticleFields,
     .statuses = {},
     .closed_statuses = {},
     .initial_status = "",
     .transitions = {},
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "question",
     .fields = kQuestionFields,
     .statuses = kQuestionStatuses,
     .closed_statuses = kQuestionClosed,
     .initial_status = "open",
     .transitions = kQuestionTransitions,
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "idea",
     .fields = kIdeaFields,
     .statuses = kIdeaStatuses,
     .closed_statuses = kIdeaClosed,
     .initial_status = "open",
     .transitions = kIdeaTransitions,
     .takes_votes = true,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "report",
     .fields = kReportFields,
     .statuses = kReportStatuses,
     .closed_statuses = kReportClosed,
     .initial_status = "reported",
     .transitions = kReportTransitions,
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false,
     .follow_up = {.status = "solved", .after_days = 7, .reopen_to = "in_progress"}},
    {.kind = "request",
     .fields = kRequestFields,
     .statuses = kRequestStatuses,
     .closed_statuses = kRequestClosed,
     .initial_status = "open",
     .transitions = kRequestTransitions,
     .takes_votes = false,
     .takes_contributions = true,
     .takes_rsvps = false},
    {.kind = "offer",
     .fields = kOfferFields,
     .statuses = kOfferStatuses,
     .closed_statuses = kOfferClosed,
     .initial_status = "available",
     .transitions = kOfferTransitions,
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "initiative",
     .fields = kInitiativeFields,
     .statuses = kInitiativeStatuses,
     .closed_statuses = kInitiativeClosed,
     .initial_status = "open",
     .transitions = kInitiativeTransitions,
     .takes_votes = false,
     .takes_contributions = true,
     .takes_rsvps = false},
    {.kind = "event",
     .fields = kEventFields,
     .statuses = kEventStatuses,
     .closed_statuses = kEventClosed,
     .initial_status = "scheduled",
     .transitions = kEventTransitions,
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = true},
}};

// A row's closed statuses are statuses of the row, each listed once, and
// its initial status is not among them (an item starts open).
constexpr bool closed_statuses_well_formed(const ItemKindRule& rule) {
  for (size_t i = 0; i < rule.closed_statuses.size(); ++i) {
    const std::string_view s = rule.closed_statuses[i];
    if (!rule.has_status(s) || s == rule.initial_status) return false;
    for (size_t j = i + 1; j < rule.closed_statuses.size(); ++j) {
      if (rule.closed_statuses[j] == s) return false;
    }
  }
  return true;
}

constexpr bool every_closed_status_is_the_rows() {
  for (const auto& rule : kKinds) {
    if (!closed_statuses_well_formed(rule)) return false;
  }
  return true;
}
static_assert(every_closed_status_is_the_rows(),
              "a closed status must be one of its row's statuses, listed once, and not the "
              "initial one");

// A row is well formed when its initial status is one of its statuses (or
// both are empty), every transition joins two of its statuses and is open
// to someone, no field is listed twice, and no other row has its name.
constexpr bool well_formed(const ItemKindRule& rule) {
  if (rule.statuses.empty() != rule.initial_status.empty()) return false;
  if (!rule.statuses.empty() && !rule.has_status(rule.initial_status)) return false;
  for (const auto& t : rule.transitions) {
    if (!rule.has_status(t.from) || !rule.has_status(t.to) || t.from == t.to || t.by.empty()) {
      return false;
    }
    // A window limits the author; a row without them has nothing to limit.
    if (t.author_window_days < 0 ||
        (t.author_window_days > 0 && !t.by.contains(Standing::kAuthor))) {
      return false;
    }
    if (rule.transition(t.from, t.to) != &t) return false;  // one row per move
  }
  if (const FollowUp& f = rule.follow_up; !f.status.empty()) {
    const StatusTransition* reopen = rule.transition(f.status, f.reopen_to);
    if (f.after_days <= 0 || !reopen || !reopen->by.contains(Standing::kAuthor)) return false;
    // The author must still be able to reopen when asked.
    if (reopen->author_window_days > 0 && reopen->author_window_days <= f.after_days) return false;
  }
  for (size_t i = 0; i < rule.fields.size(); ++i) {
    for (size_t j = i + 1; j < rule.fields.size(); ++j) {
      if (rule.fields[i].field == rule.fields[j].field) return false;
    }
  }
  return true;
}

constexpr bool table_well_formed() {
  for (size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i].kind.empty() || !well_formed(kKinds[i])) return false;
    for (size_t j = i + 1; j < kKinds.size(); ++j) {
      if (kKinds[i].kind == kKinds[j].kind) return false;
    }
  }
  return true;
}
static_assert(table_well_formed(), "a row of the kind table is malformed (see well_formed)");

}  // namespace

std::span<const ItemKindRule> item_kinds() { return kKinds; }

std::span<const std::string_view> item_categories() { return kCategories; }

namespace {
constexpr std::array<std::string_view, 3> kOfferModes = {"help", "lend", "give"};
constexpr std::array<std::string_view, 3> kGoalKinds = {"time", "money", "item"};
constexpr std::array<std::string_view, 5> kContributionKinds = {"time", "knowledge", "item",
                                                                "money", "support"};

bool listed(std::span<const std::string_view> names, std::string_view name) {
  for (auto n : names) {
    if (n == name) return true;
  }
  return false;
}
}  // namespace

bool is_item_category(std::string_view category) { return listed(kCategories, category); }

std::span<const std::string_view> offer_modes() { return kOfferModes; }
bool is_offer_mode(std::string_view mode) { return listed(kOfferModes, mode); }

std::span<const std::string_view> goal_kinds() { return kGoalKinds; }
bool is_goal_kind(std::string_view kind) { return listed(kGoalKinds, kind); }

std::span<const std::string_view> contribution_kinds() { return kContributionKinds; }
bool is_contribution_kind(std::string_view kind) { return listed(kContributionKinds, kind); }

const ItemKindRule* find_item_kind(std::string_view kind) {
  for (const auto& rule : kKinds) {
    if (rule.kind == kind) return &rule;
  }
  return nullptr;
}

}  // namespace kring
