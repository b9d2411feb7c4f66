#pragma once
// Reactions on items and replies: one per member per kind per target.
// Runs inside the caller's transaction.

#include <map>
#include <string>
#include <vector>

#include "core/item.h"
#include "store/database.h"

namespace kring::store {

using kring::ReactionTarget;  // core/item.h

struct ReactionSummary {
  std::map<std::string, std::int64_t> counts;  // only kinds with a count > 0
  std::vector<std::string> mine;
};

class ReactionRepository {
 public:
  explicit ReactionRepository(Connection& conn) : conn_(conn) {}

  // True when the reaction is new.
  bool put(ReactionTarget type, std::int64_t target, MemberId member, const std::string& kind,
           Micros now);
  bool remove(ReactionTarget type, std::int64_t target, MemberId member, const std::string& kind);
  // Counts leave out reactions by suspended members.
  ReactionSummary summary(ReactionTarget type, std::int64_t target, MemberId viewer);

 private:
  Connection& conn_;
};

}  // namespace kring::store
