#include "http/exchange_input.h"

#include "core/kinds.h"
#include "core/time.h"

namespace kring::http {

namespace {

constexpr std::size_t kSkillsMax = 64;
constexpr std::size_t kSkillBytes = 512;

Result<std::optional<std::optional<Micros>>> time_field(const Json& body, const char* field) {
  using Out = std::optional<std::optional<Micros>>;
  auto it = body.find(field);
  if (it == body.end()) return Out();
  if (it->is_null()) return Out(std::optional<Micros>());
  auto text = optional_string(body, field, 64);
  if (!text) return std::move(text).error();
  auto t = parse_rfc3339(**text);
  if (!t) {
    return Error::invalid("invalid_time",
                          std::string(field) + " must be an RFC 3339 time, e.g. 2026-12-24T18:00:00Z");
  }
  return Out(std::optional<Micros>(*t));
}

Result<std::optional<std::optional<std::int64_t>>> integer_field(const Json& body,
                                                                 const char* field) {
  using Out = std::optional<std::optional<std::int64_t>>;
  auto it = body.find(field);
  if (it == body.end()) return Out();
  auto value = optional_integer(body, field);
  if (!value) return std::move(value).error();
  return Out(*value);
}

Error bad_goals() {
  return Error::invalid("invalid_goals",
                        "goals must be a list of {kind, target, label?} with an integer target");
}

Result<std::optional<std::vector<ItemGoal>>> goals_field(const Json& body) {
  using Out = std::optional<std::vector<ItemGoal>>;
  auto it = body.find("goals");
  if (it == body.end()) return Out();
  if (it->is_null()) return Out(std::vector<ItemGoal>());
  if (!it->is_array() || it->size() > social::kGoalsMax * 4) return bad_goals();
  std::vector<ItemGoal> goals;
  for (const auto& g : *it) {
    if (!g.is_object()) return bad_goals();
    for (const auto& [key, value] : g.items()) {
      if (key != "kind" && key != "target" && key != "label") return bad_goals();
    }
    auto kind = optional_string(g, "kind", 64);
    auto target = optional_integer(g, "target");
    auto label = optional_string(g, "label", 4 * social::kGoalLabelMax);
    if (!kind || !target || !label) return bad_goals();
    if (!*kind || !*target) return bad_goals();
    goals.push_back({**kind, **target, label->value_or("")});
  }
  return Out(std::move(goals));
}

Json optional_time(const std::optional<Micros>& t) {
  return t ? Json(format_rfc3339(*t)) : Json(nullptr);
}
Json optional_int(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Result<social::ExchangeInput> exchange_fields(const Json& body) {
  social::ExchangeInput in;
  if (body.contains("skills")) {
    if (body["skills"].is_null()) {
      in.skills = std::vector<std::string>();
    } else {
      auto skills = optional_string_list(body, "skills", kSkillsMax, kSkillBytes);
      if (!skills) return std::move(skills).error();
      in.skills = **skills;
    }
  }
  const std::pair<const char*, std::optional<std::optional<Micros>>*> times[] = {
      {"starts_at", &in.starts_at},
      {"ends_at", &in.ends_at},
      {"deadline", &in.deadline},
      {"expires_at", &in.expires_at}};
  for (auto [field, out] : times) {
    auto t = time_field(body, field);
    if (!t) return std::move(t).error();
    *out = *t;
  }
  auto capacity = integer_field(body, "capacity");
  if (!capacity) return std::move(capacity).error();
  in.capacity = *capacity;
  auto minimum = integer_field(body, "minimum");
  if (!minimum) return std::move(minimum).error();
  in.minimum = *minimum;
  auto goals = goals_field(body);
  if (!goals) return std::move(goals).error();
  in.goals = *goals;
  auto offer = optional_string(body, "offer", 64);
  if (!offer) return std::move(offer).error();
  in.offer_mode = *offer;
  return in;
}

Json exchange_json(const Item& item) {
  Json j = Json::object();
  const ItemKindRule* rule = find_item_kind(item.kind);
  if (!rule) return j;
  for (const FieldRule& f : rule->fields) {
    switch (f.field) {
      case ItemField::kSkills:
        j["skills"] = item.skills;
        break;
      case ItemField::kStartsAt:
        j["starts_at"] = optional_time(item.starts_at);
        break;
      case ItemField::kEndsAt:
        j["ends_at"] = optional_time(item.ends_at);
        break;
      case ItemField::kCapacity:
        j["capacity"] = optional_int(item.capacity);
        break;
      case ItemField::kGoals: {
        Json goals = Json::array();
        for (const auto& g : item.goals) {
          goals.push_back({{"kind", g.kind}, {"target", g.target}, {"label", g.label}});
        }
        j["goals"] = std::move(goals);
        break;
      }
      case ItemField::kDeadline:
        j["deadline"] = optional_time(item.deadline);
        break;
      case ItemField::kMinimum:
        j["minimum"] = optional_int(item.minimum);
        break;
      case ItemField::kExpiresAt:
        j["expires_at"] = optional_time(item.expires_at);
        break;
      case ItemField::kOfferMode:
        j["offer"] = item.offer_mode ? Json(*item.offer_mode) : Json(nullptr);
        break;
      case ItemField::kTitle:
      case ItemField::kLocation:
      case ItemField::kCategory:
        break;  // every item carries these
    }
  }
  return j;
}

}  // namespace kring::http
