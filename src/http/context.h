#pragma once
// Everything a handler gets: the request and who is asking.

#include "http/request.h"
#include "social/actor.h"

namespace kring::http {

struct Context {
  Request& request;
  social::Actor actor;
  // Set when the caller authenticated by session cookie: the browser path.
  bool via_cookie = false;
  std::string csrf_token;
  std::string session_token;
};

}  // namespace kring::http
