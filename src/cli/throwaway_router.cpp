#include "cli/throwaway_router.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

#include "cli/data_dir.h"
#include "http/handlers/handlers.h"
#include "http/metrics.h"
#include "social/services.h"

namespace kring::cli {

int with_throwaway_router(std::string_view command,
                          const std::function<int(const http::Router&)>& use) {
  std::error_code ec;
  const auto base = std::filesystem::temp_directory_path(ec);
  if (ec) {
    std::cerr << "kring " << command << ": no temporary directory: " << ec.message() << "\n";
    return 1;
  }
  const auto dir =
      base / ("kring-" + std::string(command) + "-" + std::to_string(std::random_device{}()));
  int status = 0;
  {
    auto db = open_data_dir(dir.string());
    if (!db) {
      std::cerr << "kring " << command << ": " << db.error().message << "\n";
      status = 1;
    } else {
      social::Services services(**db);
      // The handlers are never called, so the metrics they would resolve are never needed.
      http::Router router = http::build_router(services, [command]() -> http::Metrics& {
        std::cerr << "kring " << command << ": metrics requested\n";
        std::abort();
      });
      status = use(router);
    }
  }
  std::filesystem::remove_all(dir, ec);
  return status;
}

}  // namespace kring::cli
