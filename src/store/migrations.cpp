#include "store/migrations.h"

#include <array>
#include <string>

namespace kring::store {

namespace {

// Times are microseconds since the epoch (UTC). Visibility columns hold
// core::Visibility values (0 public, 1 members, 2 connections).
constexpr std::string_view kMembersSchema = R"sql(
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role INTEGER NOT NULL DEFAULT 0,
  suspended_at INTEGER,
  display_name TEXT NOT NULL DEFAULT '',
  bio TEXT NOT NULL DEFAULT '',
  home_place TEXT NOT NULL DEFAULT '',
  avatar_url TEXT NOT NULL DEFAULT '',
  vis_display_name INTEGER NOT NULL DEFAULT 0,
  vis_bio INTEGER NOT NULL DEFAULT 0,
  vis_skills INTEGER NOT NULL DEFAULT 0,
  vis_interests INTEGER NOT NULL DEFAULT 0,
  vis_home_place INTEGER NOT NULL DEFAULT 1,
  vis_avatar_url INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Skills (kind 0) and interests (kind 1): the "who knows what" index.
-- term is lowercased for matching; label keeps the member's spelling.
CREATE TABLE member_terms (
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind INTEGER NOT NULL,
  position INTEGER NOT NULL,
  term TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (member_id, kind, term)
) WITHOUT ROWID;
CREATE INDEX member_terms_by_term ON member_terms(kind, term, member_id);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_member ON sessions(member_id);
-- Ties: kind follow|connection|block. A follow or block is one directed row.
-- A connection request is one row (requester -> addressee, state pending);
-- an accepted connection is two rows, one each way, so "connections of X"
-- is one index range.
CREATE TABLE ties (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('follow', 'connection', 'block')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'accepted')),
  created_at INTEGER NOT NULL,
  UNIQUE (source_id, target_id, kind)
);
CREATE INDEX ties_by_source ON ties(source_id, kind, state, created_at);
CREATE INDEX ties_by_target ON ties(target_id, kind, state, created_at);
)sql";

constexpr std::array<Migration, 1> kMigrations = {{
    {1, "members, profiles, sessions, ties", kMembersSchema},
}};

int user_version(Connection& conn) {
  auto stmt = conn.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.int64(0));
}

}  // namespace

int latest_schema_version() { return kMigrations.back().version; }

int apply_migrations(Connection& conn) {
  int applied = 0;
  for (const auto& migration : kMigrations) {
    Transaction tx(conn, Transaction::Kind::kWrite);
    if (user_version(conn) >= migration.version) continue;
    conn.exec(migration.sql);
    conn.exec("PRAGMA user_version = " + std::to_string(migration.version));
    tx.commit();
    ++applied;
  }
  return applied;
}

}  // namespace kring::store
