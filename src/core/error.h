#pragma once
// Expected failures as values. The http layer maps ErrorCode to a status in
// one table (http/error_response.cpp); nothing else decides statuses.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kring {

enum class ErrorCode {
  kInvalid,          // 400: the input is malformed or breaks a rule
  kUnauthenticated,  // 401: no or bad credentials
  kForbidden,        // 403: known caller, not allowed
  kNotFound,         // 404: absent, or hidden from this caller
  kConflict,         // 409: clashes with existing state (taken handle)
  kTooLarge,         // 413: body or list over its limit
  kRateLimited,      // 429: too many attempts; retry_after_s says when
  kInternal,         // 500: a broken invariant, never bad input
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  // Machine-readable reason in snake_case, e.g. "handle_taken", "missing_field".
  std::string reason;
  // Human sentence saying what is wrong, safe to show to the caller.
  std::string message;
  int retry_after_s = 0;
  // For a refused choice, the choices that would have been accepted (the
  // statuses an item may move to from where it is); sent as the error's
  // `allowed` list, an empty one included.
  std::optional<std::vector<std::string>> allowed;

  static Error invalid(std::string reason, std::string message) {
    return {ErrorCode::kInvalid, std::move(reason), std::move(message)};
  }
  static Error not_found(std::string message) {
    return {ErrorCode::kNotFound, "not_found", std::move(message)};
  }
  static Error forbidden(std::string message) {
    return {ErrorCode::kForbidden, "forbidden", std::move(message)};
  }
  static Error unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, "unauthenticated", std::move(message)};
  }
  static Error conflict(std::string reason, std::string message) {
    return {ErrorCode::kConflict, std::move(reason), std::move(message)};
  }
  static Error internal(std::string message) {
    return {ErrorCode::kInternal, "internal", std::move(message)};
  }
};

}  // namespace kring
