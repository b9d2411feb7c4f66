#pragma once
// The JSON of a loan (social/loan_view.h): on an offer's view as `loan`
// {holder, reserved_at, lent_at, due_at, overdue}, holder null unless the
// viewer is the author or the holder; and as an entry of GET
// /api/v1/me/loans, with its id, end times, state and the offer.

#include <nlohmann/json.hpp>

#include "social/lending.h"
#include "social/loan_view.h"

namespace kring::http {

nlohmann::json loan_json(const social::LoanView& view);
// {id, state: reserved|lent|returned|given|cancelled, ...loan_json,
// returned_at, given_at, cancelled_at, item: item_json | null}.
nlohmann::json loan_entry_json(const social::LoanEntry& entry);

}  // namespace kring::http
