#include "social/accounts.h"

#include "core/secrets.h"
#include "core/validation.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/session_repository.h"

namespace kring::social {

namespace {
std::string lowercase_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return text;
}
}  // namespace

IssuedSession Accounts::open_session(store::Connection& conn, const Member& member) {
  IssuedSession issued{random_token(), random_token(), member};
  Micros now = now_micros();
  store::SessionRepository(conn).insert(member.id, token_hash(issued.token), issued.csrf_token, now,
                                        now + kSessionLifetime);
  return issued;
}

Result<IssuedSession> Accounts::register_member(const NewAccount& account) {
  std::string handle = lowercase_ascii(account.handle);
  KRING_TRY(validate_handle(handle));
  KRING_TRY(validate_email(account.email));
  KRING_TRY(validate_password(account.password));
  // Hash before taking the write lock: argon2id takes ~0.1 s on purpose.
  std::string hash = hash_password(account.password);
  if (hash.empty()) return Error::internal("password hashing failed");

  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::MemberRepository members(*conn);
  if (members.handle_taken(handle)) {
    return Error::conflict("handle_taken", "handle '" + handle + "' is already taken");
  }
  if (members.email_taken(account.email)) {
    return Error::conflict("email_taken", "an account with this email already exists");
  }
  store::NewMember nm;
  nm.handle = handle;
  nm.email = account.email;
  nm.password_hash = std::move(hash);
  nm.role = members.count() == 0 ? MemberRole::kAdmin : MemberRole::kMember;
  nm.created_at = now_micros();
  nm.profile.display_name = handle;
  nm.profile.visibility[static_cast<size_t>(ProfileField::kHomePlace)] = Visibility::kMembers;
  MemberId id = members.insert(nm);
  auto member = members.find_by_id(id);
  IssuedSession issued = open_session(*conn, *member);
  tx.commit();
  return issued;
}

Status Accounts::check_password(const std::string& account_key, const std::string& client_address,
                                const std::optional<std::string>& hash,
                                const std::string& password) {
  if (int wait = throttle_.retry_after(account_key, client_address); wait > 0) {
    Error e{ErrorCode::kRateLimited, "too_many_attempts",
            "too many failed password attempts; try again later"};
    e.retry_after_s = wait;
    return e;
  }
  // Verify against a real hash even without one, so the response time does
  // not tell which handles exist.
  static const std::string kDummyHash = hash_password("kring-timing-equaliser");
  if (!verify_password(hash ? *hash : kDummyHash, password) || !hash) {
    throttle_.record_failure(account_key, client_address);
    Error e = Error::unauthenticated("the password is wrong");
    e.reason = "wrong_password";
    return e;
  }
  throttle_.record_success(account_key, client_address);
  return {};
}

Result<IssuedSession> Accounts::log_in(const std::string& login, const std::string& password,
                                       const std::string& client_address) {
  auto conn = db_.lease();
  std::optional<Member> member;
  std::optional<std::string> hash;
  {
    store::Transaction tx(*conn, store::Transaction::Kind::kRead);
    store::MemberRepository members(*conn);
    member = members.find_by_login(login);
    if (member) hash = members.password_hash(member->id);
  }
  // One record per member, however the login names it (handle or e-mail,
  // any case), so the two forms are not two budgets of guesses.
  std::string account_key =
      member ? "member:" + std::to_string(member->id) : "login:" + lowercase_ascii(login);
  if (auto checked = check_password(account_key, client_address, hash, password);
      !checked || !member) {
    if (!checked && checked.error().code == ErrorCode::kRateLimited) return std::move(checked).error();
    return Error::unauthenticated("wrong login or password");
  }
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  IssuedSession issued = open_session(*conn, *member);
  tx.commit();
  return issued;
}

Result<AuthenticatedSession> Accounts::authenticate(const std::string& token) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto session = store::SessionRepository(*conn).find_by_token_hash(token_hash(token));
  if (!session || session->expires_at < now_micros()) {
    return Error::unauthenticated("session expired or unknown; log in again");
  }
  auto member = store::MemberRepository(*conn).find_by_id(session->member_id);
  if (!member) return Error::unauthenticated("session expired or unknown; log in again");
  Actor actor{member->id, member->role, member->suspended, session->id};
  return AuthenticatedSession{actor, session->csrf_token};
}

Status Accounts::log_out(const Actor& actor) {
  KRING_TRY(decide(actor, Action::kLogOut));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::SessionRepository(*conn).remove(actor.session_id);
  tx.commit();
  hub_.close_session(actor.id, actor.session_id);
  return {};
}

Status Accounts::change_password(const Actor& actor, const std::string& current,
                                 const std::string& replacement,
                                 const std::string& client_address) {
  KRING_TRY(decide(actor, Action::kChangePassword));
  KRING_TRY(validate_password(replacement));
  auto conn = db_.lease();
  std::optional<std::string> hash;
  {
    store::Transaction tx(*conn, store::Transaction::Kind::kRead);
    hash = store::MemberRepository(*conn).password_hash(actor.id);
  }
  // Guessing here, with a stolen session, is throttled like guessing at log-in.
  KRING_TRY(check_password("member:" + std::to_string(actor.id), client_address, hash, current));
  std::string new_hash = hash_password(replacement);
  if (new_hash.empty()) return Error::internal("password hashing failed");
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::MemberRepository(*conn).set_password_hash(actor.id, new_hash, now_micros());
  store::SessionRepository(*conn).remove_all_for_member_except(actor.id, actor.session_id);
  tx.commit();
  hub_.close_member_streams(actor.id, actor.session_id);
  return {};
}

}  // namespace kring::social
