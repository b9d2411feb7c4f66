#pragma once
// Accounts: registration, log-in, sessions and passwords (DESIGN.md:
// argon2id passwords; random 256-bit tokens stored hashed).
//
// Thread-safe: every call leases its own connection.

#include <string>

#include "core/member.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/login_throttle.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

struct NewAccount {
  std::string handle;
  std::string email;
  std::string password;
};

// A fresh session. token is shown once and never stored; csrf_token must
// accompany cookie-authenticated writes (X-CSRF-Token header).
struct IssuedSession {
  std::string token;
  std::string csrf_token;
  Member member;
};

struct AuthenticatedSession {
  Actor actor;
  std::string csrf_token;
};

inline constexpr Micros kSessionLifetime = 30LL * 24 * 3600 * 1'000'000;

class Accounts {
 public:
  Accounts(store::Database& db, LoginThrottle& throttle, NotificationHub& hub)
      : db_(db), throttle_(throttle), hub_(hub) {}

  // The first member of an instance becomes its admin.
  // Errors: invalid_handle/invalid_email/weak_password (400), handle_taken/email_taken (409).
  Result<IssuedSession> register_member(const NewAccount& account);

  // login is a handle or e-mail. Errors: 401 bad credentials, 429
  // too_many_attempts with retry_after_s when the throttle refuses this
  // address (login_throttle.h: its own failures, or the account's).
  Result<IssuedSession> log_in(const std::string& login, const std::string& password,
                               const std::string& client_address);

  // 401 when the token is unknown or expired.
  Result<AuthenticatedSession> authenticate(const std::string& token);

  // Ends the actor's session and closes its open live streams.
  Status log_out(const Actor& actor);

  // Verifies the current password (throttled as log-ins are, from
  // client_address), sets the new one and ends every other session of the
  // member, closing their live streams.
  Status change_password(const Actor& actor, const std::string& current,
                         const std::string& replacement, const std::string& client_address);

 private:
  IssuedSession open_session(store::Connection& conn, const Member& member);
  // The throttle's verdict, then the password against hash (none: a wrong
  // password, in the same time): 429 too_many_attempts, 401 wrong_password
  // or ok. Records the outcome with the throttle.
  Status check_password(const std::string& account_key, const std::string& client_address,
                        const std::optional<std::string>& hash, const std::string& password);

  store::Database& db_;
  LoginThrottle& throttle_;
  NotificationHub& hub_;
};

}  // namespace kring::social
