#pragma once
// Reading a list's `limit` and `cursor` from the query string, the same for
// every list: limit absent or empty means the default page size; anything
// but an integer from 1 to kMaxPageSize is 400 invalid_limit. The cursor is
// passed on as received: the list that issued it checks it (core/page.h).

#include "core/page.h"
#include "core/result.h"
#include "http/request.h"

namespace kring::http {

Result<PageRequest> page_request(const Request& request);

}  // namespace kring::http
