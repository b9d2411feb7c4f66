#include "social/exchange_fields.h"

#include "core/validation.h"
#include "social/members.h"

namespace kring::social {

namespace {

Error not_taken(const ItemKindRule& rule, ItemField field) {
  return Error::invalid("unknown_field", "a " + std::string(rule.kind) + " takes no " +
                                             std::string(to_name(field)));
}

template <typename T>
bool given(const std::optional<T>& field) {
  return field.has_value();
}

Status check_taken(const ItemKindRule& rule, const ExchangeInput& in) {
  const std::pair<ItemField, bool> fields[] = {
      {ItemField::kSkills, given(in.skills)},       {ItemField::kStartsAt, given(in.starts_at)},
      {ItemField::kEndsAt, given(in.ends_at)},      {ItemField::kCapacity, given(in.capacity)},
      {ItemField::kGoals, given(in.goals)},         {ItemField::kDeadline, given(in.deadline)},
      {ItemField::kMinimum, given(in.minimum)},     {ItemField::kExpiresAt, given(in.expires_at)},
      {ItemField::kOfferMode, given(in.offer_mode)},
  };
  for (auto [field, is_given] : fields) {
    if (is_given && !rule.takes(field)) return not_taken(rule, field);
  }
  return {};
}

std::string listing(std::span<const std::string_view> names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

Status check_goals(const std::vector<ItemGoal>& goals) {
  if (goals.empty()) return Error::invalid("invalid_goals", "goals must name at least one goal");
  if (goals.size() > kGoalsMax) {
    return Error::invalid("invalid_goals",
                          "an initiative has at most " + std::to_string(kGoalsMax) + " goals");
  }
  for (const auto& g : goals) {
    if (!is_goal_kind(g.kind)) {
      return Error::invalid("unknown_goal_kind",
                            "a goal's kind must be one of: " + listing(goal_kinds()));
    }
    if (g.target <= 0 || g.target > max_amount(g.kind)) {
      return Error::invalid("invalid_goals", "a " + g.kind + " goal's target must be 1.." +
                                                 std::to_string(max_amount(g.kind)));
    }
    KRING_TRY(validate_text("label", g.label, kGoalLabelMax, false));
    if (g.kind == "item" && g.label.find_first_not_of(" \t") == std::string::npos) {
      return Error::invalid("invalid_goals", "an item goal needs a label saying what is needed");
    }
  }
  return {};
}

// Every field the kind needs is there.
Status check_required(const ItemKindRule& rule, const Item& item) {
  const std::pair<ItemField, bool> present[] = {
      {ItemField::kSkills, !item.skills.empty()},
      {ItemField::kStartsAt, item.starts_at.has_value()},
      {ItemField::kEndsAt, item.ends_at.has_value()},
      {ItemField::kCapacity, item.capacity.has_value()},
      {ItemField::kGoals, !item.goals.empty()},
      {ItemField::kDeadline, item.deadline.has_value()},
      {ItemField::kMinimum, item.minimum.has_value()},
      {ItemField::kExpiresAt, item.expires_at.has_value()},
      {ItemField::kOfferMode, item.offer_mode.has_value()},
  };
  for (auto [field, is_present] : present) {
    if (rule.requires_field(field) && !is_present) {
      return Error::invalid("missing_field", std::string(rule.kind) + " needs " +
                                                 std::string(to_name(field)));
    }
  }
  return {};
}

}  // namespace

std::int64_t max_amount(std::string_view kind) {
  if (kind == "time") return kMaxHours;
  if (kind == "money") return kMaxCents;
  if (kind == "item") return kMaxItems;
  return 1;
}

Status apply_exchange_fields(const ItemKindRule& rule, const ExchangeInput& in, Micros now,
                             Item& item) {
  KRING_TRY(check_taken(rule, in));
  Item after = item;
  if (in.skills) {
    auto cleaned = clean_terms("skills", *in.skills);
    if (!cleaned) return std::move(cleaned).error();
    after.skills = std::move(*cleaned);
  }
  if (in.starts_at) after.starts_at = *in.starts_at;
  if (in.ends_at) after.ends_at = *in.ends_at;
  if (after.starts_at && after.ends_at && *after.ends_at < *after.starts_at) {
    return Error::invalid("invalid_time", "ends_at must not be before starts_at");
  }
  if (in.capacity) {
    if (*in.capacity && (**in.capacity <= 0 || **in.capacity > kCapacityMax)) {
      return Error::invalid("invalid_capacity",
                            "capacity must be 1.." + std::to_string(kCapacityMax));
    }
    after.capacity = *in.capacity;
  }
  if (in.goals) {
    KRING_TRY(check_goals(*in.goals));
    after.goals = *in.goals;
  }
  if (in.deadline) {
    if (*in.deadline && **in.deadline <= now) {
      return Error::invalid("invalid_deadline", "deadline must be in the future");
    }
    after.deadline = *in.deadline;
  }
  if (in.minimum) {
    if (*in.minimum && (**in.minimum < 1 || **in.minimum > 100)) {
      return Error::invalid("invalid_minimum", "minimum must be a percentage, 1..100");
    }
    after.minimum = *in.minimum;
  }
  if (after.minimum && !after.deadline) {
    return Error::invalid("invalid_minimum", "a minimum needs a deadline to be reached by");
  }
  if (in.expires_at) {
    if (*in.expires_at && **in.expires_at <= now) {
      return Error::invalid("invalid_expires_at", "expires_at must be in the future");
    }
    after.expires_at = *in.expires_at;
  }
  if (in.offer_mode) {
    if (!is_offer_mode(*in.offer_mode)) {
      return Error::invalid("invalid_offer", "offer must be one of: " + listing(offer_modes()));
    }
    after.offer_mode = *in.offer_mode;
  }
  KRING_TRY(check_required(rule, after));
  item = std::move(after);
  return {};
}

}  // namespace kring::social
