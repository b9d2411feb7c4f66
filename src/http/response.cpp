#include "http/response.h"

namespace kring::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response Response::json(int status, const nlohmann::json& value) {
  Response r;
  r.status = status;
  r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::error(int status, std::string code, std::string message) {
  return json(status, {{"error", {{"code", std::move(code)}, {"message", std::move(message)}}}});
}

Response Response::error(const Error& error) {
  nlohmann::json body = {{"code", error.reason}, {"message", error.message}};
  if (error.allowed) body["allowed"] = *error.allowed;
  Response r = json(status_for(error.code), {{"error", std::move(body)}});
  if (error.retry_after_s > 0) r.headers.emplace_back("Retry-After", std::to_string(error.retry_after_s));
  return r;
}

}  // namespace kring::http
