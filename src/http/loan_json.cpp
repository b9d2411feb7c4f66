#include "http/loan_json.h"

#include "http/content_json.h"
#include "http/member_json.h"

namespace kring::http {

namespace {

nlohmann::json optional_time(const std::optional<Micros>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

std::string_view state_of(const store::Loan& l) {
  if (l.cancelled_at) return "cancelled";
  if (l.given_at) return "given";
  if (l.returned_at) return "returned";
  if (l.lent_at) return "lent";
  return "reserved";
}

}  // namespace

nlohmann::json loan_json(const social::LoanView& v) {
  const store::Loan& l = v.loan;
  return {{"holder", v.holder ? member_json(*v.holder, false) : nlohmann::json(nullptr)},
          {"reserved_at", format_rfc3339(l.reserved_at)},
          {"lent_at", optional_time(l.lent_at)},
          {"due_at", optional_time(l.due_at)},
          {"overdue", v.overdue}};
}

nlohmann::json loan_entry_json(const social::LoanEntry& e) {
  const store::Loan& l = e.loan.loan;
  nlohmann::json j = loan_json(e.loan);
  j["id"] = std::to_string(l.id);
  j["state"] = state_of(l);
  j["returned_at"] = optional_time(l.returned_at);
  j["given_at"] = optional_time(l.given_at);
  j["cancelled_at"] = optional_time(l.cancelled_at);
  j["item"] = e.item ? item_json(*e.item) : nlohmann::json(nullptr);
  return j;
}

}  // namespace kring::http
