#pragma once
// Reading the fields of requests, offers, initiatives and events from an
// item's POST or PATCH body (social/exchange_fields.h): `skills` (a list of
// strings), `starts_at`, `ends_at`, `deadline`, `expires_at` (RFC 3339),
// `capacity`, `minimum` (integers), `goals` ([{kind, target, label?}]) and
// `offer`. Null removes a field on PATCH. Wrong shapes are refused here
// (400 invalid_type, invalid_time, invalid_goals); ranges and which kind
// takes what are the item rules' to check.

#include "core/result.h"
#include "http/json_input.h"
#include "social/exchange_fields.h"

namespace kring::http {

Result<social::ExchangeInput> exchange_fields(const Json& body);

// The fields the item's kind takes, for item_json: absent ones as null (an
// empty list for skills and goals), so a client reads one shape per kind.
Json exchange_json(const Item& item);

}  // namespace kring::http
