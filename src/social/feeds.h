#pragma once
// Feeds: home (followed members, connections, joined spaces, own items),
// public, space, member and tag. Newest first, keyset-paged on item id
// (ids grow with time; core/ids.h), so pages never repeat or skip an item
// while others post.
// Thread-safe: every call leases its own connection.

#include <string>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "store/database.h"
#include "store/item_repository.h"

namespace kring::social {

struct FeedRequest {
  store::FeedKind kind = store::FeedKind::kPublic;
  std::string target;  // space slug, member handle or tag
  PageRequest page;
};

class Feeds {
 public:
  explicit Feeds(store::Database& db) : db_(db) {}
  Result<Page<ItemView>> read(const Actor& viewer, const FeedRequest& request);

 private:
  store::Database& db_;
};

}  // namespace kring::social
