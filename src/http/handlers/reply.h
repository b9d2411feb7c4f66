#pragma once
// Turning service results into responses, the same way in every handler.

#include "core/result.h"
#include "http/json_input.h"
#include "http/response.h"

namespace kring::http {

// The error as a response, or the value encoded by to_json with `status`.
template <typename T, typename F>
Response reply(Result<T>&& result, int status, F&& to_json) {
  if (!result) return Response::error(result.error());
  return Response::json(status, to_json(*result));
}

inline Response reply(Status&& status) {
  if (!status) return Response::error(status.error());
  return Response::no_content();
}

}  // namespace kring::http

// Returns the error response of a failed Result expression, else binds its value.
#define KRING_HTTP_TRY(var, expr)                                        \
  auto var##_result_ = (expr);                                           \
  if (!var##_result_) return Response::error(var##_result_.error());     \
  auto var = std::move(*var##_result_)
