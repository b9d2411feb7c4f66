#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "cli/instance_network.h"
#include "graph/graph_writers.h"
#include "http/member_json.h"
#include "social/services.h"
#include "store/member_repository.h"

namespace kring::cli {

namespace {

// A member's own data, as they would see it: the profile with every field
// and visibility, and their follows, followers and connections.
int export_member(const std::string& data_dir, const std::string& handle) {
  auto db = open_data_dir(data_dir);
  if (!db) {
    std::cerr << "kring export: " << db.error().message << "\n";
    return 1;
  }
  social::Services services(**db);
  std::optional<Member> member;
  {
    auto conn = (*db)->lease();
    member = store::MemberRepository(*conn).find_by_handle(handle);
  }
  if (!member) {
    std::cerr << "kring export: no member with handle '" << handle << "'\n";
    return 1;
  }
  social::Actor self{member->id, member->role, member->suspended, 0};
  auto view = services.members.me(self);
  if (!view) {
    std::cerr << "kring export: " << view.error().message << "\n";
    return 1;
  }
  nlohmann::json out = {{"member", http::member_json(*view, true)}};
  const std::pair<const char*, social::TieList> lists[] = {
      {"following", social::TieList::kFollowing},
      {"followers", social::TieList::kFollowers},
      {"connections", social::TieList::kConnections}};
  for (const auto& [name, which] : lists) {
    nlohmann::json handles = nlohmann::json::array();
    PageRequest request{"", kMaxPageSize};
    do {
      auto page = services.ties.list(self, handle, which, request);
      if (!page) break;
      for (const auto& v : page->items) handles.push_back(v.member.handle);
      request.cursor = page->next_cursor.value_or("");
    } while (!request.cursor.empty());
    out[name] = std::move(handles);
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

int export_graph(const std::string& data_dir, const std::string& scope, const std::string& file) {
  auto network = load_instance_network(data_dir, scope);
  if (!network) {
    std::cerr << "kring export: " << network.error().message << "\n";
    return 1;
  }
  std::ofstream out(file, std::ios::binary);
  if (!out) {
    std::cerr << "kring export: cannot write " << file << "\n";
    return 1;
  }
  Status written = file.ends_with(".gexf") ? graph::write_gexf(out, *network)
                                           : graph::write_graphml(out, *network);
  if (!written) {
    std::cerr << "kring export: " << written.error().message << "\n";
    return 1;
  }
  std::cout << "wrote " << network->labels.size() << " nodes and " << network->edges.size()
            << " edges to " << file << "\n";
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app) {
  struct Options {
    std::string data_dir = "data";
    std::string graph_file;
    std::string member;
    std::string scope = "instance";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Export the network for Gephi, or one member's data");
  cmd->add_option("--data", o->data_dir, "Data directory")->capture_default_str();
  auto* graph_opt =
      cmd->add_option("--graph", o->graph_file, "Write the network to FILE.graphml or FILE.gexf");
  auto* member_opt = cmd->add_option("--member", o->member, "Print HANDLE's own data as JSON");
  cmd->add_option("--scope", o->scope, "instance, space:SLUG or tag:TAG (with --graph)")
      ->capture_default_str();
  graph_opt->excludes(member_opt);
  cmd->callback([o] {
    if (!o->member.empty()) return set_exit_code(export_member(o->data_dir, o->member));
    if (o->graph_file.empty()) {
      std::cerr << "kring export: give --graph FILE.graphml|FILE.gexf or --member HANDLE\n";
      return set_exit_code(2);
    }
    if (!o->graph_file.ends_with(".graphml") && !o->graph_file.ends_with(".gexf")) {
      std::cerr << "kring export: --graph file must end in .graphml or .gexf\n";
      return set_exit_code(2);
    }
    set_exit_code(export_graph(o->data_dir, o->scope, o->graph_file));
  });
}

}  // namespace kring::cli
