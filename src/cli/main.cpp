#include <sodium.h>

#include <cstdio>

#include "cli/commands.h"



int main(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::fputs("kring: libsodium failed to initialise\n", stderr);
    return 1;
  }
  CLI::App app{"kring: a self-hosted social web"};
  app.require_subcommand(1);
  kring::cli::add_serve_command(app);
  kring::cli::add_demo_command(app);
  kring::cli::add_migrate_command(app);
  kring::cli::add_backup_command(app);
  kring::cli::add_analyze_command(app);
  kring::cli::add_export_command(app);
  kring::cli::add_routes_command(app);
  kring::cli::add_roles_command(app);
  CLI11_PARSE(app, argc, argv);
  return kring::cli::exit_code();
}
