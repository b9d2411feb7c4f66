#pragma once
// What a handler returns: a status, a body with its type, extra headers.
// Errors use the one shape DESIGN.md fixes: {"error":{"code","message"}}.

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace kring::http {

class EventStream;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set by the stream handler: the connection turns into a Server-Sent
  // Events stream fed by this source instead of sending `body`.
  std::shared_ptr<EventStream> event_stream;

  static Response json(int status, const nlohmann::json& value);
  static Response no_content();
  static Response error(const Error& error);
  static Response error(int status, std::string code, std::string message);
};

// The one table from ErrorCode to HTTP status.
int status_for(ErrorCode code);

}  // namespace kring::http
