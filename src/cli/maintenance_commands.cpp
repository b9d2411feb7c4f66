#include <iostream>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "store/backup.h"
#include "store/migrations.h"

namespace kring::cli {

void add_migrate_command(CLI::App& app) {
  auto data_dir = std::make_shared<std::string>("data");
  auto* cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  cmd->add_option("--data", *data_dir, "Data directory")->capture_default_str();
  cmd->callback([data_dir] {
    auto db = open_data_dir(*data_dir);  // applies migrations
    if (!db) {
      std::cerr << "kring migrate: " << db.error().message << "\n";
      return set_exit_code(1);
    }
    std::cout << "schema at version " << store::latest_schema_version() << "\n";
  });
}

void add_backup_command(CLI::App& app) {
  auto data_dir = std::make_shared<std::string>("data");
  auto destination = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("backup", "Write a consistent copy of the database");
  cmd->add_option("--data", *data_dir, "Data directory")->capture_default_str();
  cmd->add_option("--to", *destination, "Backup file to write")->required();
  cmd->callback([data_dir, destination] {
    auto db = open_data_dir(*data_dir);
    if (!db) {
      std::cerr << "kring backup: " << db.error().message << "\n";
      return set_exit_code(1);
    }
    if (auto status = store::backup_database(**db, *destination); !status) {
      std::cerr << "kring backup: " << status.error().message << "\n";
      return set_exit_code(1);
    }
    std::cout << "backup written to " << *destination << "\n";
  });
}

}  // namespace kring::cli
