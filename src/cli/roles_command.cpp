// `kring roles`: prints the authorization table (social/policy.cpp), one
// markdown row per action: what instance role it needs, whether a suspended
// member may still take it, which standing suffices, and what a refusal
// answers. The README's "Who may do what" section is this output, and the
// CTest cli.readme_roles_section_matches_the_table keeps them equal.
//
// `kring roles --routes`: every route of the API router with the actions it
// takes (http/route_actions.cpp), or why it is public; exits 1 naming each
// route without a row and each row without a route
// (CTest cli.every_route_names_its_actions).

#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/throwaway_router.h"
#include "http/route_actions.h"
#include "social/policy.h"

namespace kring::cli {
namespace {

int print_table() {
  for (const auto& line : social::action_table_lines()) std::cout << line << '\n';
  return 0;
}

int print_routes() {
  return with_throwaway_router("roles", [](const http::Router& router) {
    for (const auto& route : router.routes()) {
      std::string method(http::beast_http::to_string(route.method));
      std::cout << method << ' ' << route.pattern << "  ";
      const auto* row = http::find_route_actions(method, route.pattern);
      if (!row) {
        std::cout << "(no row)\n";
      } else if (row->actions.empty()) {
        std::cout << "public: " << row->public_because << '\n';
      } else {
        for (std::size_t i = 0; i < row->actions.size(); ++i) {
          std::cout << (i ? ", " : "") << social::action_name(row->actions[i]);
        }
        std::cout << '\n';
      }
    }
    if (auto check = http::check_route_actions(router); !check) {
      std::cerr << "kring roles: " << check.error().message << "\n";
      return 1;
    }
    return 0;
  });
}

}  // namespace

void add_roles_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("roles", "Print the authorization table, one action a line");
  auto routes = std::make_shared<bool>(false);
  cmd->add_flag("--routes", *routes, "Print each route with the actions it takes instead");
  cmd->callback([routes] { set_exit_code(*routes ? print_routes() : print_table()); });
}

}  // namespace kring::cli
