#include "social/health.h"

#include "store/network_repository.h"

namespace kring::social {

void Health::check_database() {
  // The cheapest read the store offers that touches a table, so a database
  // whose schema is missing is not healthy either.
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::NetworkRepository(*conn).version();
}

}  // namespace kring::social
