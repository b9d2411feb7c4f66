#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "core/time.h"
#include "social/demo/demo_community.h"

namespace kring::cli {

void add_demo_command(CLI::App& app) {
  struct Options {
    std::string data_dir = "data";
    int members = 500;
    std::uint64_t seed = 1;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("demo", "Load a demo community into an empty instance");
  cmd->add_option("--data", o->data_dir, "Data directory")->capture_default_str();
  cmd->add_option("--members", o->members, "Number of members")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Random seed (same seed, same community)")
      ->capture_default_str();
  cmd->callback([o] {
    auto db = open_data_dir(o->data_dir);
    if (!db) {
      std::cerr << "kring demo: " << db.error().message << "\n";
      return set_exit_code(1);
    }
    // Dated up to this moment: the demo's history ends when it is loaded.
    social::demo::DemoOptions options{o->members, o->seed, now_micros(), {}};
    if (isatty(STDERR_FILENO)) {
      options.progress = [](double f) {
        std::fprintf(stderr, "\rloading demo community %3d%%", static_cast<int>(f * 100));
        if (f >= 1.0) std::fputc('\n', stderr);
      };
    }
    auto summary = social::demo::load_demo_community(**db, options);
    if (!summary) {
      std::cerr << "kring demo: " << summary.error().message << "\n";
      return set_exit_code(2);
    }
    if (summary->skipped) {
      std::cout << "the instance in " << o->data_dir
                << " already has members; demo data not loaded\n";
      return;
    }
    std::cout << "demo community: " << summary->members << " members, " << summary->follows
              << " follows, " << summary->connections << " connections, "
              << summary->pending_requests << " pending requests, " << summary->spaces
              << " spaces, " << summary->items << " posts, " << summary->replies << " replies, "
              << summary->reactions << " reactions\n";
    if (!summary->civic_slug.empty()) {
      std::cout << "in " << summary->civic_slug << ": " << summary->ideas << " ideas with "
                << summary->votes << " votes, " << summary->reports << " reports at places\n";
    }
    if (const auto& x = summary->exchange; !x.slug.empty()) {
      std::cout << "in " << x.slug << ": " << x.requests << " requests, " << x.offers << " offers, "
                << x.initiatives << " initiatives, " << x.events << " events, " << x.contributions
                << " contributions, " << x.rsvps << " rsvps, " << x.loans << " loans\n";
    }
    std::cout << "log in with password '" << social::demo::kDemoPassword << "' as:\n"
              << "  " << summary->admin_handle << "  (instance admin)\n"
              << "  " << summary->analyst_handle << "  (analyst)\n";
    for (const auto& h : summary->popular_handles) std::cout << "  " << h << "\n";
  });
}

}  // namespace kring::cli
