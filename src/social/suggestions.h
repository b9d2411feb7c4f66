#pragma once
// "Whom to connect with": friends of friends and fellow space members,
// ranked by mutual connections, shared skills and shared spaces, each with
// its reason; and for hosts of community, neighbourhood and place spaces,
// bridging suggestions that tie isolated or peripheral members to the rest,
// with the expected change in their reach.
//
// Thread-safe: every call leases its own connection.

#include <string>
#include <vector>

#include "core/result.h"
#include "social/actor.h"
#include "social/member_view.h"
#include "store/database.h"

namespace kring::social {

struct ConnectSuggestion {
  MemberView member;
  double score = 0;
  std::vector<std::string> mutual_connections;  // handles
  std::vector<std::string> shared_skills;
  std::vector<std::string> shared_spaces;  // slugs
};

// Reach: members within two steps in the space's network. A new tie p-b
// adds b and b's neighbours to p's two-step neighbourhood.
struct BridgeSuggestion {
  std::string space;  // slug
  std::string space_name;
  MemberView member;     // the isolated or peripheral member
  MemberView bridge;     // whom to introduce them to
  std::string position;  // "isolate" or "peripheral"
  std::int64_t reach_before = 0;
  std::int64_t reach_after = 0;
  std::vector<std::string> shared_skills;
};

struct Suggestions {
  std::vector<ConnectSuggestion> connect;
  std::vector<BridgeSuggestion> bridges;
};

inline constexpr int kSuggestionLimit = 10;

class SuggestionService {
 public:
  explicit SuggestionService(store::Database& db) : db_(db) {}
  // The actor's suggestions, as the actor may see them: profile fields
  // through their visibility to the actor, nobody in a block with the actor
  // (either way), no two members in a block introduced, bridges only for
  // spaces the actor hosts now. 403 for a suspended member.
  Result<Suggestions> for_member(const Actor& actor);

 private:
  store::Database& db_;
};

}  // namespace kring::social
