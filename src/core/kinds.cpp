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
constexpr Standings kAskerOrHosts = {Standing::kAuthor, Standing::kSpaceModerator,
                                     Standing::kAdmin};
constexpr std::array<StatusTransition, 2> kQuestionTransitions = {{
    {"open", "answered", kAskerOrHosts},
    {"answered", "open", kAskerOrHosts},
}};

// ---- idea: put forward to a space (or on a profile) and supported by
// votes; the space's hosts take it under review and decide, and follow an
// accepted idea through to done. On a profile only admins hold it.
constexpr std::array<FieldRule, 1> kIdeaFields = {{{ItemField::kTitle, true}}};
constexpr std::array<std::string_view, 5> kIdeaStatuses = {"open", "under_review", "accepted",
                                                           "declined", "done"};
constexpr Standings kHosts = {Standing::kSpaceModerator, Standing::kAdmin};
constexpr std::array<StatusTransition, 4> kIdeaTransitions = {{
    {"open", "under_review", kHosts},
    {"under_review", "accepted", kHosts},
    {"under_review", "declined", kHosts},
    {"accepted", "done", kHosts},
}};

// Later kinds (report, request, offer, initiative, event) are rows here
// with their fields, workflow and flags, not new code.
constexpr std::array<ItemKindRule, 4> kKinds = {{
    {.kind = "note",
     .fields = kNoteFields,
     .statuses = {},
     .initial_status = "",
     .transitions = {},
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "article",
     .fields = kArticleFields,
     .statuses = {},
     .initial_status = "",
     .transitions = {},
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "question",
     .fields = kQuestionFields,
     .statuses = kQuestionStatuses,
     .initial_status = "open",
     .transitions = kQuestionTransitions,
     .takes_votes = false,
     .takes_contributions = false,
     .takes_rsvps = false},
    {.kind = "idea",
     .fields = kIdeaFields,
     .statuses = kIdeaStatuses,
     .initial_status = "open",
     .transitions = kIdeaTransitions,
     .takes_votes = true,
     .takes_contributions = false,
     .takes_rsvps = false},
}};

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

const ItemKindRule* find_item_kind(std::string_view kind) {
  for (const auto& rule : kKinds) {
    if (rule.kind == kind) return &rule;
  }
  return nullptr;
}

}  // namespace kring
