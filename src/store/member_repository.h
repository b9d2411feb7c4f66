#pragma once
// Members and their profiles. Every function runs on the caller's
// connection inside the caller's transaction; none commits.

#include <optional>
#include <string>
#include <vector>

#include "core/member.h"
#include "core/page.h"
#include "store/database.h"

namespace kring::store {

struct NewMember {
  std::string handle;  // already validated and lowercased
  std::string email;
  std::string password_hash;
  MemberRole role = MemberRole::kMember;
  Micros created_at = 0;
  Profile profile;
};

// What a directory query may filter on; empty strings mean "no filter".
// viewer is 0 for an anonymous caller. Filters only match fields the viewer
// may see, so a hidden skill never answers a query.
struct DirectoryQuery {
  MemberId viewer = 0;
  std::string name_prefix;  // matches handle or display name, case-insensitive
  std::string skill;        // exact term, lowercased
  std::string interest;     // exact term, lowercased
  std::optional<CursorKey> after;  // by member id (store/keyset.h)
  int limit = kDefaultPageSize;
};

class MemberRepository {
 public:
  explicit MemberRepository(Connection& conn) : conn_(conn) {}

  MemberId insert(const NewMember& member);
  std::optional<Member> find_by_id(MemberId id);
  std::optional<Member> find_by_handle(std::string_view handle);
  // login is a handle or an e-mail address, both case-insensitive. E-mail
  // addresses keep the member's spelling; members.email is UNIQUE COLLATE
  // NOCASE (migration 1), so uniqueness and matching fold ASCII case, which
  // is all the case there is since validate_email takes ASCII only.
  std::optional<Member> find_by_login(std::string_view login);
  std::optional<std::string> password_hash(MemberId id);
  bool handle_taken(std::string_view handle);
  // Whether a member has this address, ignoring ASCII case.
  bool email_taken(std::string_view email);

  void update_profile(MemberId id, const Profile& profile, Micros now);
  void set_password_hash(MemberId id, const std::string& hash, Micros now);
  void set_role(MemberId id, MemberRole role);
  void set_suspended(MemberId id, std::optional<Micros> at);

  // Members ordered by id, hiding suspended members and block pairs.
  std::vector<Member> directory(const DirectoryQuery& query);
  std::int64_t count();

 private:
  std::optional<Member> read_one(Statement& stmt);
  void load_terms(Member& member);
  void write_terms(MemberId id, ProfileField kind, const std::vector<std::string>& labels);

  Connection& conn_;
};

// Lowercases ASCII and trims; used to match skills and interests.
std::string normalize_term(std::string_view label);

}  // namespace kring::store
