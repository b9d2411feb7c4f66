#pragma once
// Sessions: one row per issued token, stored as its hash (DESIGN.md).
// Functions run inside the caller's transaction.

#include <optional>
#include <string>

#include "core/member.h"
#include "store/database.h"

namespace kring::store {

using SessionId = std::int64_t;

struct SessionRecord {
  SessionId id = 0;
  MemberId member_id = 0;
  std::string csrf_token;
  Micros expires_at = 0;
};

class SessionRepository {
 public:
  explicit SessionRepository(Connection& conn) : conn_(conn) {}

  SessionId insert(MemberId member, const std::string& token_hash, const std::string& csrf_token,
                   Micros created_at, Micros expires_at);
  std::optional<SessionRecord> find_by_token_hash(const std::string& token_hash);
  void remove(SessionId id);
  // Ends every session of the member except `keep` (0 keeps none).
  void remove_all_for_member_except(MemberId member, SessionId keep);
  void remove_expired(Micros now);

 private:
  Connection& conn_;
};

}  // namespace kring::store
