#pragma once
// Each subcommand of `kring` lives in its own file and registers itself on
// the root CLI11 app here. A command's callback returns through
// `set_exit_code`, so main() owns the process exit.

#include <CLI/CLI.hpp>

namespace kring::cli {

// Exit code chosen by whichever subcommand ran; 0 unless it failed.
int& exit_code();
inline void set_exit_code(int code) { exit_code() = code; }

void add_serve_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_migrate_command(CLI::App& app);
void add_backup_command(CLI::App& app);
void add_analyze_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_routes_command(CLI::App& app);
void add_roles_command(CLI::App& app);

}  // namespace kring::cli
