#pragma once
// Result<T>: a value or an Error, in the style of std::expected (C++23), which
// g++ 12 lacks. Status is Result<void>.

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "core/error.h"

namespace kring {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(Error error) : data_(std::move(error)) {}

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok().
  const Error& error() const& { return std::get<1>(data_); }
  Error&& error() && { return std::get<1>(std::move(data_)); }

 private:
  std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace kring

// Propagates the error of a Result-returning expression, else yields nothing.
#define KRING_TRY(expr)                                  \
  do {                                                   \
    auto kring_try_result_ = (expr);                     \
    if (!kring_try_result_.ok()) {                       \
      return std::move(kring_try_result_).error();       \
    }                                                    \
  } while (0)
