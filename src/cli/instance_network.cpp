#include "cli/instance_network.h"

#include "cli/data_dir.h"
#include "social/network_snapshot.h"

namespace kring::cli {

// The CLI reads the network with the rights of the instance itself: every
// scope, including closed and secret spaces when named explicitly.
Result<graph::EdgeList> load_instance_network(const std::string& data_dir,
                                              const std::string& scope_text) {
  auto scope = social::parse_scope(scope_text);
  if (!scope) return std::move(scope).error();
  auto db = open_data_dir(data_dir);
  if (!db) return std::move(db).error();
  auto conn = (*db)->lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto snap = social::build_snapshot(*conn, *scope, now_micros());
  if (!snap) return std::move(snap).error();
  return std::move(snap->edges);
}

}  // namespace kring::cli
