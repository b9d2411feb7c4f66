#pragma once
// The router `serve` builds, over a throw-away database in a temporary
// directory that is removed again, for commands that list routes
// (`kring routes`, `kring roles --routes`). Its handlers are never called.

#include <functional>
#include <string_view>

#include "http/router.h"

namespace kring::cli {

// Calls `use` with the router and returns what it returns; 1, with a line on
// stderr naming `command`, when no temporary database can be made.
int with_throwaway_router(std::string_view command,
                          const std::function<int(const http::Router&)>& use);

}  // namespace kring::cli
