#include "store/session_repository.h"

namespace kring::store {

SessionId SessionRepository::insert(MemberId member, const std::string& token_hash,
                                    const std::string& csrf_token, Micros created_at,
                                    Micros expires_at) {
  auto s = conn_.prepare(
      "INSERT INTO sessions (member_id, token_hash, csrf_token, created_at, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  s.bind(1, member).bind(2, token_hash).bind(3, csrf_token).bind(4, created_at).bind(5, expires_at);
  s.run();
  return conn_.last_insert_id();
}

std::optional<SessionRecord> SessionRepository::find_by_token_hash(const std::string& token_hash) {
  auto s = conn_.prepare(
      "SELECT id, member_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?1");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return SessionRecord{s.int64(0), s.int64(1), s.text(2), s.int64(3)};
}

void SessionRepository::remove(SessionId id) {
  auto s = conn_.prepare("DELETE FROM sessions WHERE id = ?1");
  s.bind(1, id).run();
}

void SessionRepository::remove_all_for_member_except(MemberId member, SessionId keep) {
  auto s = conn_.prepare("DELETE FROM sessions WHERE member_id = ?1 AND id != ?2");
  s.bind(1, member).bind(2, keep).run();
}

void SessionRepository::remove_expired(Micros now) {
  auto s = conn_.prepare("DELETE FROM sessions WHERE expires_at < ?1");
  s.bind(1, now).run();
}

}  // namespace kring::store
