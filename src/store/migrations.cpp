#include "store/migrations.h"

#include <array>
#include <string>

namespace kring::store {

namespace {

// Times are microseconds since the epoch (UTC). The integer enum columns
// here (role, vis_*, member_terms.kind) hold names since migration 7.
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


// Spaces, items, conversations, notifications, moderation and search.
// Item and reply ids grow with time, so "newest first" is "id descending"
// and keyset cursors on id give pages without duplicates or gaps.
constexpr std::string_view kContentSchema = R"sql(
CREATE TABLE spaces (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('team', 'community', 'neighbourhood', 'place')),
  visibility TEXT NOT NULL CHECK (visibility IN ('open', 'closed', 'secret')),
  created_by INTEGER NOT NULL REFERENCES members(id),
  archived_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- state: active (a member), requested (asked to join a closed space),
-- invited (asked by a host; becomes active when accepted).
CREATE TABLE space_members (
  space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'moderator', 'member')),
  state TEXT NOT NULL CHECK (state IN ('active', 'requested', 'invited')),
  invited_by INTEGER REFERENCES members(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (space_id, member_id)
) WITHOUT ROWID;
CREATE INDEX space_members_by_member ON space_members(member_id, state, space_id);
CREATE INDEX space_members_by_space ON space_members(space_id, state, created_at);
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES members(id),
  space_id INTEGER REFERENCES spaces(id),
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'space', 'connections')),
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  html TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT '',
  reply_count INTEGER NOT NULL DEFAULT 0,
  hidden_at INTEGER,
  deleted_at INTEGER,
  created_at INTEGER NOT NULL,
  edited_at INTEGER
);
CREATE INDEX items_by_author ON items(author_id, id);
CREATE INDEX items_by_space ON items(space_id, id) WHERE space_id IS NOT NULL;
CREATE TABLE item_revisions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  replaced_at INTEGER NOT NULL
);
CREATE INDEX item_revisions_by_item ON item_revisions(item_id, id);
CREATE TABLE item_tags (
  tag TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  PRIMARY KEY (tag, item_id)
) WITHOUT ROWID;
CREATE INDEX item_tags_by_item ON item_tags(item_id);
CREATE TABLE item_mentions (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
CREATE TABLE replies (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES replies(id),
  author_id INTEGER NOT NULL REFERENCES members(id),
  depth INTEGER NOT NULL,
  body TEXT NOT NULL,
  html TEXT NOT NULL,
  hidden_at INTEGER,
  deleted_at INTEGER,
  created_at INTEGER NOT NULL,
  edited_at INTEGER
);
CREATE INDEX replies_by_item ON replies(item_id, id);
-- target_type: 0 item, 1 reply (names since migration 7).
CREATE TABLE reactions (
  target_type INTEGER NOT NULL,
  target_id INTEGER NOT NULL,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (target_type, target_id, kind, member_id)
) WITHOUT ROWID;
CREATE INDEX reactions_by_member ON reactions(member_id, target_type, target_id);
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  recipient_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  item_id INTEGER,
  reply_id INTEGER,
  space_id INTEGER,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_by_recipient ON notifications(recipient_id, id);
CREATE INDEX notifications_unread ON notifications(recipient_id, id) WHERE read_at IS NULL;
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  reporter_id INTEGER NOT NULL REFERENCES members(id),
  target_type TEXT NOT NULL CHECK (target_type IN ('item', 'reply', 'member')),
  target_id INTEGER NOT NULL,
  space_id INTEGER REFERENCES spaces(id),
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  UNIQUE (reporter_id, target_type, target_id)
);
CREATE INDEX reports_by_space ON reports(space_id, id);
CREATE TABLE mutes (
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  target_type TEXT NOT NULL CHECK (target_type IN ('member', 'space')),
  target_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (member_id, target_type, target_id)
) WITHOUT ROWID;
-- Full-text search. Member text is split by visibility so a query only
-- matches fields the viewer may see: pub (public fields), mem (members),
-- conn (connections). rowid = member id / item id / space id.
CREATE VIRTUAL TABLE members_fts USING fts5(pub, mem, conn, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE items_fts USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE spaces_fts USING fts5(name, description, tokenize = 'unicode61 remove_diacritics 2');
)sql";

// The network's version: every change to what the analytics read bumps it,
// so cached metrics know when they are stale without scanning anything.
// Figures per computed snapshot are kept for "figures over time".
constexpr std::string_view kNetworkSchema = R"sql(
CREATE TABLE network_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO network_version (id, version) VALUES (1, 0);
CREATE TRIGGER ties_bump_insert AFTER INSERT ON ties BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER ties_bump_delete AFTER DELETE ON ties BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER ties_bump_update AFTER UPDATE ON ties BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER replies_bump_insert AFTER INSERT ON replies BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER replies_bump_update AFTER UPDATE OF deleted_at ON replies BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER reactions_bump_insert AFTER INSERT ON reactions BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER reactions_bump_delete AFTER DELETE ON reactions BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER members_bump_insert AFTER INSERT ON members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER members_bump_suspend AFTER UPDATE OF suspended_at ON members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER space_members_bump_insert AFTER INSERT ON space_members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER space_members_bump_update AFTER UPDATE ON space_members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER space_members_bump_delete AFTER DELETE ON space_members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER items_bump_delete AFTER UPDATE OF deleted_at ON items BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER member_terms_bump AFTER INSERT ON member_terms BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TABLE network_history (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  version INTEGER NOT NULL,
  computed_at INTEGER NOT NULL,
  nodes INTEGER NOT NULL,
  edges INTEGER NOT NULL,
  density REAL,
  components INTEGER,
  average_clustering REAL,
  modularity REAL,
  communities INTEGER,
  average_path_length REAL,
  isolates INTEGER
);
CREATE INDEX network_history_by_scope ON network_history(scope, id);
)sql";

// Secret spaces created before their slugs got a random ending (social/
// secret_slug.h) still sit in the guessable namespace, where
// trying to create `board` tells an outsider that a secret `board` exists.
// They get the same shape of slug new ones get: the first 29 characters,
// '-', 10 characters of base32 from SQLite's randomness (the OS's, via
// sqlite3_randomness; `random() & 31` avoids abs() overflowing). Members'
// old links to such a space stop working; the space stays in their list.
// A space's network history moves from its slug to its id first
// (social/network_snapshot.h, NetworkScope::cache_key), so that a slug
// given up never hands one space's figures to the next.
constexpr std::string_view kSecretSlugsUnguessable = R"sql(
UPDATE network_history SET scope = 'space#' ||
  (SELECT s.id FROM spaces s WHERE 'space:' || s.slug = network_history.scope)
WHERE scope IN (SELECT 'space:' || slug FROM spaces);
UPDATE spaces SET slug = rtrim(substr(slug, 1, 29), '-') || '-' ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1) ||
  substr('abcdefghijklmnopqrstuvwxyz234567', 1 + (random() & 31), 1)
WHERE visibility = 'secret';
)sql";

// Migration 3 missed changes that move members in or out of a tag network
// (a removed term, a field made connections-only, an item's tags, its
// visibility or hiding) and that move interactions in or out of the
// instance network (a space's visibility).
constexpr std::string_view kNetworkVersionGaps = R"sql(
CREATE TRIGGER member_terms_bump_delete AFTER DELETE ON member_terms BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER members_bump_term_visibility AFTER UPDATE OF vis_skills, vis_interests ON members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER item_tags_bump_insert AFTER INSERT ON item_tags BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER item_tags_bump_delete AFTER DELETE ON item_tags BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER items_bump_visibility AFTER UPDATE OF visibility, hidden_at ON items BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER spaces_bump_visibility AFTER UPDATE OF visibility ON spaces BEGIN UPDATE network_version SET version = version + 1; END;
)sql";

// Each revision keeps the visibility its text was written under, so that
// history shows it only to those who could read it then (an item edited
// from connections-only to public keeps its old text from the public).
// Items never move between spaces, so the item's space is the revision's.
// Revisions written before this migration did not record theirs: they get
// the narrowest the item could have had, connections outside spaces and
// space (members only) inside one.
constexpr std::string_view kRevisionVisibility = R"sql(
ALTER TABLE item_revisions ADD COLUMN visibility TEXT NOT NULL DEFAULT 'connections'
  CHECK (visibility IN ('public', 'members', 'space', 'connections'));
UPDATE item_revisions SET visibility = 'space'
  WHERE item_id IN (SELECT id FROM items WHERE space_id IS NOT NULL);
)sql";

// Enum columns stored as ordinals (members.role and vis_*, member_terms.kind,
// reactions.target_type) hold names from core/enum_names.h, with CHECK
// lists, like every later enum column: a number in a row or in SQL meant
// nothing without the enum's declaration order beside it. members keeps
// its rows (other tables' foreign keys point at them; a rebuild would
// cascade), so each column is added by name, filled, and swapped in; the
// one trigger naming two of them is dropped first (DROP COLUMN refuses
// while a trigger names the column) and recreated as it was. member_terms
// and reactions hold their enum in the primary key, so they are rebuilt
// (nothing references them) with their index and triggers as before. An
// ordinal outside the enum maps to NULL, which NOT NULL refuses: such a
// database stays at version 6 rather than losing a row's meaning.
constexpr std::string_view kEnumsByName = R"sql(
DROP TRIGGER members_bump_term_visibility;
ALTER TABLE members ADD COLUMN role_by_name TEXT NOT NULL DEFAULT 'member'
  CHECK (role_by_name IN ('member', 'analyst', 'admin'));
UPDATE members SET role_by_name = CASE role WHEN 0 THEN 'member' WHEN 1 THEN 'analyst' WHEN 2 THEN 'admin' END;
ALTER TABLE members DROP COLUMN role;
ALTER TABLE members RENAME COLUMN role_by_name TO role;
ALTER TABLE members ADD COLUMN vis_display_name_by_name TEXT NOT NULL DEFAULT 'public'
  CHECK (vis_display_name_by_name IN ('public', 'members', 'connections'));
UPDATE members SET vis_display_name_by_name = CASE vis_display_name WHEN 0 THEN 'public' WHEN 1 THEN 'members' WHEN 2 THEN 'connections' END;
ALTER TABLE members DROP COLUMN vis_display_name;
ALTER TABLE members RENAME COLUMN vis_display_name_by_name TO vis_display_name;
ALTER TABLE members ADD COLUMN vis_bio_by_name TEXT NOT NULL DEFAULT 'public'
  CHECK (vis_bio_by_name IN ('public', 'members', 'connections'));
UPDATE members SET vis_bio_by_name = CASE vis_bio WHEN 0 THEN 'public' WHEN 1 THEN 'members' WHEN 2 THEN 'connections' END;
ALTER TABLE members DROP COLUMN vis_bio;
ALTER TABLE members RENAME COLUMN vis_bio_by_name TO vis_bio;
ALTER TABLE members ADD COLUMN vis_skills_by_name TEXT NOT NULL DEFAULT 'public'
  CHECK (vis_skills_by_name IN ('public', 'members', 'connections'));
UPDATE members SET vis_skills_by_name = CASE vis_skills WHEN 0 THEN 'public' WHEN 1 THEN 'members' WHEN 2 THEN 'connections' END;
ALTER TABLE members DROP COLUMN vis_skills;
ALTER TABLE members RENAME COLUMN vis_skills_by_name TO vis_skills;
ALTER TABLE members ADD COLUMN vis_interests_by_name TEXT NOT NULL DEFAULT 'public'
  CHECK (vis_interests_by_name IN ('public', 'members', 'connections'));
UPDATE members SET vis_interests_by_name = CASE vis_interests WHEN 0 THEN 'public' WHEN 1 THEN 'members' WHEN 2 THEN 'connections' END;
ALTER TABLE members DROP COLUMN vis_interests;
ALTER TABLE members RENAME COLUMN vis_interests_by_name TO vis_interests;
ALTER TABLE members ADD COLUMN vis_home_place_by_name TEXT NOT NULL DEFAULT 'members'
  CHECK (vis_home_place_by_name IN ('public', 'members', 'connections'));
UPDATE members SET vis_home_place_by_name = CASE vis_home_place WHEN 0 THEN 'public' WHEN 1 THEN 'members' WHEN 2 THEN 'connections' END;
ALTER TABLE members DROP COLUMN vis_home_place;
ALTER TABLE members RENAME COLUMN vis_home_place_by_name TO vis_home_place;
ALTER TABLE members ADD COLUMN vis_avatar_url_by_name TEXT NOT NULL DEFAULT 'public'
  CHECK (vis_avatar_url_by_name IN ('public', 'members', 'connections'));
UPDATE members SET vis_avatar_url_by_name = CASE vis_avatar_url WHEN 0 THEN 'public' WHEN 1 THEN 'members' WHEN 2 THEN 'connections' END;
ALTER TABLE members DROP COLUMN vis_avatar_url;
ALTER TABLE members RENAME COLUMN vis_avatar_url_by_name TO vis_avatar_url;
CREATE TRIGGER members_bump_term_visibility AFTER UPDATE OF vis_skills, vis_interests ON members BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TABLE member_terms_by_name (
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('skills', 'interests')),
  position INTEGER NOT NULL,
  term TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (member_id, kind, term)
) WITHOUT ROWID;
INSERT INTO member_terms_by_name (member_id, kind, position, term, label)
  SELECT member_id, CASE kind WHEN 0 THEN 'skills' WHEN 1 THEN 'interests' END, position, term, label
  FROM member_terms;
DROP TABLE member_terms;
ALTER TABLE member_terms_by_name RENAME TO member_terms;
CREATE INDEX member_terms_by_term ON member_terms(kind, term, member_id);
CREATE TRIGGER member_terms_bump AFTER INSERT ON member_terms BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER member_terms_bump_delete AFTER DELETE ON member_terms BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TABLE reactions_by_name (
  target_type TEXT NOT NULL CHECK (target_type IN ('item', 'reply')),
  target_id INTEGER NOT NULL,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (target_type, target_id, kind, member_id)
) WITHOUT ROWID;
INSERT INTO reactions_by_name (target_type, target_id, member_id, kind, created_at)
  SELECT CASE target_type WHEN 0 THEN 'item' WHEN 1 THEN 'reply' END, target_id, member_id, kind,
    created_at
  FROM reactions;
DROP TABLE reactions;
ALTER TABLE reactions_by_name RENAME TO reactions;
CREATE INDEX reactions_by_member ON reactions(member_id, target_type, target_id);
CREATE TRIGGER reactions_bump_insert AFTER INSERT ON reactions BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER reactions_bump_delete AFTER DELETE ON reactions BEGIN UPDATE network_version SET version = version + 1; END;
)sql";

// Status moves (POST /api/v1/items/{id}/status): one row per change, the
// item's history of where it stood and why. ids are time-ordered like
// the items' (store/row_ids.h): the status history pages on them. The
// actor row stays when the member is suspended; the history then shows the
// move without them (social/item_status.h).
constexpr std::string_view kItemStatusChanges = R"sql(
CREATE TABLE item_status_changes (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES members(id),
  note TEXT NOT NULL DEFAULT '',
  changed_at INTEGER NOT NULL
);
CREATE INDEX item_status_changes_by_item ON item_status_changes(item_id, id);
)sql";

// Votes on items whose kind takes them (POST /api/v1/items/{id}/votes): the
// key makes a second vote by the same member no vote, also when two
// requests race. The member index serves "what did I vote for".
constexpr std::string_view kItemVotes = R"sql(
CREATE TABLE item_votes (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
CREATE INDEX item_votes_by_member ON item_votes(member_id, item_id);
)sql";

// Where items are and what they are about (reports, ideas): the point and
// address on the item's row, and an R*Tree over the points so a map's
// bounding box is an index range (GET /api/v1/items?bbox=...). The R*Tree
// stores 32-bit floats rounded outward: it finds candidates, the row's own
// lat and lon decide. ItemRepository keeps it in step with the rows.
constexpr std::string_view kItemPlaces = R"sql(
ALTER TABLE items ADD COLUMN lat REAL;
ALTER TABLE items ADD COLUMN lon REAL;
ALTER TABLE items ADD COLUMN address TEXT;
ALTER TABLE items ADD COLUMN category TEXT;
CREATE VIRTUAL TABLE item_places USING rtree(id, min_lat, max_lat, min_lon, max_lon);
)sql";

// A report (or any item whose kind has a `duplicate` status) marked a
// duplicate points at its original; the index serves the original's list
// of duplicates. Deleting an item keeps its row (deleted_at), so the link
// stays and the read rule hides what is gone.
constexpr std::string_view kItemDuplicates = R"sql(
CREATE TABLE item_duplicates (
  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  original_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  marked_at INTEGER NOT NULL
);
CREATE INDEX item_duplicates_by_original ON item_duplicates(original_id, item_id);
)sql";

// Follow-up questions to an item's author (the kind table's FollowUp: "is
// it fixed?" a week after a report is solved), one per status change that
// reached the asking status, so a report solved again after a reopen is
// asked again. asked_at is NULL when the author answered before being
// asked; fixed is NULL until they answer.
constexpr std::string_view kItemFollowUps = R"sql(
CREATE TABLE item_follow_ups (
  change_id INTEGER PRIMARY KEY REFERENCES item_status_changes(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  asked_at INTEGER,
  answered_at INTEGER,
  fixed INTEGER
);
CREATE INDEX item_follow_ups_by_item ON item_follow_ups(item_id, change_id);
CREATE INDEX item_status_changes_by_status ON item_status_changes(to_status, changed_at);
)sql";

// The vote count stored on the item (items.vote_count), so an ideas board
// sorts on an index instead of counting every idea's votes. Votes by
// suspended members do not count (as before, store/vote_repository.h), so
// the triggers keep the column in step with item_votes and with suspension
// in the writing transaction, whoever writes: a vote cast or withdrawn by a
// member in good standing moves it by one; suspending or reinstating a
// member moves every item they voted on by one. The index serves a space's
// ideas at one status by votes, ties broken by the newest. The space's vote
// settings (core/space.h VoteSettings) are NULL when not set.
constexpr std::string_view kItemVoteCount = R"sql(
ALTER TABLE items ADD COLUMN vote_count INTEGER NOT NULL DEFAULT 0;
UPDATE items SET vote_count = (
  SELECT count(*) FROM item_votes v JOIN members m ON m.id = v.member_id
  WHERE v.item_id = items.id AND m.suspended_at IS NULL)
WHERE id IN (SELECT item_id FROM item_votes);
CREATE INDEX items_by_votes ON items(space_id, kind, status, vote_count DESC, id DESC);
ALTER TABLE spaces ADD COLUMN vote_limit INTEGER;
ALTER TABLE spaces ADD COLUMN review_threshold INTEGER;
CREATE TRIGGER item_votes_count_cast AFTER INSERT ON item_votes
WHEN (SELECT suspended_at FROM members WHERE id = NEW.member_id) IS NULL
BEGIN UPDATE items SET vote_count = vote_count + 1 WHERE id = NEW.item_id; END;
CREATE TRIGGER item_votes_count_withdrawn AFTER DELETE ON item_votes
WHEN (SELECT suspended_at FROM members WHERE id = OLD.member_id) IS NULL
BEGIN UPDATE items SET vote_count = vote_count - 1 WHERE id = OLD.item_id; END;
CREATE TRIGGER members_suspension_recounts_votes AFTER UPDATE OF suspended_at ON members
WHEN (OLD.suspended_at IS NULL) <> (NEW.suspended_at IS NULL)
BEGIN
  UPDATE items SET vote_count = vote_count + (CASE WHEN NEW.suspended_at IS NULL THEN 1 ELSE -1 END)
  WHERE id IN (SELECT item_id FROM item_votes WHERE member_id = NEW.id);
END;
)sql";

// Members following an item (PUT /api/v1/items/{id}/follow) to hear of its
// status changes. Kept like item_votes: the key makes a second follow no
// follow; a deleted item keeps its rows (deleted_at) and the read rule hides
// it, so nobody is told about it or sees it counted; a suspended follower's
// row stays but is neither counted nor told (store/item_follow_repository.h).
// The member index serves "what do I follow".
constexpr std::string_view kItemFollows = R"sql(
CREATE TABLE item_follows (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
CREATE INDEX item_follows_by_member ON item_follows(member_id, item_id);
)sql";

// Suspended members are few: a partial index lists them, so a query leaves
// their rows out by this short list instead of joining every row to its
// member (the voters of an ideas board's first page at 1M items, 26k votes:
// 41 -> 3 ms).
constexpr std::string_view kSuspendedMembers = R"sql(
CREATE INDEX members_suspended ON members(id) WHERE suspended_at IS NOT NULL;
)sql";

// The contribution economy (issue 11): the fields of requests, offers,
// initiatives and events on the item's row and beside it, and the ledger,
// RSVPs and loans that hang off them.
// - Times are microseconds since the epoch like every *_at column; a
//   capacity counts places, guests included; minimum is a percentage.
// - item_skills mirrors member_terms' skills for matching: skill is the
//   normalised term (store/member_repository.h normalize_term), label as
//   typed;
//   item_goals keeps an initiative's goals in the author's order.
// - item_organisers: an initiative's or event's co-organisers besides its
//   author (the kind table's kOrganiser standing).
// - contributions: the ledger. amount is an integer in the kind's unit
//   (hours, cents, items; 1 for knowledge and support), never zero or
//   negative. receiver_id is who confirms: the item's author (organisers
//   may act for them). goal_position names the initiative goal it counts
//   toward. status pledged -> delivered -> confirmed | declined; withdrawn
//   by the giver before it is decided; void when an initiative failed its
//   minimum. ids are time-ordered (store/row_ids.h).
// - rsvps: one row per member and event; going rows hold places (1 +
//   guests), waitlisted rows wait in `position` order; a cancellation
//   deletes the row. checked_in_at is set by the host at the event.
// - loans: who reserved an offered item, when it was lent and is due, when
//   it came back; a row ends with returned_at or cancelled_at. The open
//   one (neither set) is the item's holder.
constexpr std::string_view kContributionEconomy = R"sql(
ALTER TABLE items ADD COLUMN starts_at INTEGER;
ALTER TABLE items ADD COLUMN ends_at INTEGER;
ALTER TABLE items ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity > 0);
ALTER TABLE items ADD COLUMN deadline INTEGER;
ALTER TABLE items ADD COLUMN minimum INTEGER CHECK (minimum IS NULL OR minimum BETWEEN 1 AND 100);
ALTER TABLE items ADD COLUMN expires_at INTEGER;
ALTER TABLE items ADD COLUMN offer_mode TEXT CHECK (offer_mode IS NULL OR offer_mode IN ('help', 'lend', 'give'));
CREATE INDEX items_by_start ON items(kind, starts_at) WHERE starts_at IS NOT NULL;
CREATE INDEX items_by_expiry ON items(expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX items_by_deadline ON items(deadline) WHERE deadline IS NOT NULL;
CREATE TABLE item_skills (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  skill TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, skill)
) WITHOUT ROWID;
CREATE INDEX item_skills_by_skill ON item_skills(skill, item_id);
CREATE TABLE item_goals (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('time', 'money', 'item')),
  target INTEGER NOT NULL CHECK (target > 0),
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, position)
) WITHOUT ROWID;
CREATE TABLE item_organisers (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
CREATE INDEX item_organisers_by_member ON item_organisers(member_id, item_id);
CREATE TABLE contributions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  giver_id INTEGER NOT NULL REFERENCES members(id),
  receiver_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL CHECK (kind IN ('time', 'knowledge', 'item', 'money', 'support')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  goal_position INTEGER,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pledged'
    CHECK (status IN ('pledged', 'delivered', 'confirmed', 'declined', 'withdrawn', 'void')),
  created_at INTEGER NOT NULL,
  delivered_at INTEGER,
  decided_at INTEGER,
  decided_by INTEGER REFERENCES members(id)
);
CREATE INDEX contributions_by_item ON contributions(item_id, status, kind, amount);
CREATE INDEX contributions_by_giver ON contributions(giver_id, id);
CREATE INDEX contributions_by_receiver ON contributions(receiver_id, id);
CREATE TABLE rsvps (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id),
  state TEXT NOT NULL CHECK (state IN ('going', 'waitlisted')),
  guests INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0),
  position INTEGER NOT NULL,
  responded_at INTEGER NOT NULL,
  checked_in_at INTEGER,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
CREATE INDEX rsvps_by_state ON rsvps(item_id, state, position);
CREATE INDEX rsvps_by_member ON rsvps(member_id, item_id);
CREATE TABLE loans (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  borrower_id INTEGER NOT NULL REFERENCES members(id),
  reserved_at INTEGER NOT NULL,
  lent_at INTEGER,
  due_at INTEGER,
  returned_at INTEGER,
  cancelled_at INTEGER,
  reminded_at INTEGER
);
CREATE UNIQUE INDEX loans_open_per_item ON loans(item_id)
  WHERE returned_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX loans_by_borrower ON loans(borrower_id, id);
CREATE INDEX loans_due ON loans(due_at) WHERE lent_at IS NOT NULL AND returned_at IS NULL;
)sql";

// The network sees the ledger and the events (issue 11): a confirmed
// contribution is an edge giver -> receiver, and members checked in at the
// same event are co-attendees (store/network_repository.cpp reads both).
// The network version counts exactly the changes that move those edges:
// rows entering or leaving 'confirmed' (or a confirmed row changing), and
// check-ins set, cleared or changed; pledges, deliveries and plain RSVPs
// leave the network as it was, so they do not invalidate its cache.
constexpr std::string_view kNetworkLedgerAndAttendance = R"sql(
CREATE TRIGGER contributions_bump_insert AFTER INSERT ON contributions WHEN NEW.status = 'confirmed' BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER contributions_bump_update AFTER UPDATE ON contributions WHEN OLD.status = 'confirmed' OR NEW.status = 'confirmed' BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER contributions_bump_delete AFTER DELETE ON contributions WHEN OLD.status = 'confirmed' BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER rsvps_bump_insert AFTER INSERT ON rsvps WHEN NEW.checked_in_at IS NOT NULL BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER rsvps_bump_update AFTER UPDATE OF checked_in_at ON rsvps WHEN OLD.checked_in_at IS NOT NEW.checked_in_at BEGIN UPDATE network_version SET version = version + 1; END;
CREATE TRIGGER rsvps_bump_delete AFTER DELETE ON rsvps WHEN OLD.checked_in_at IS NOT NULL BEGIN UPDATE network_version SET version = version + 1; END;
-- The network reads only these rows: confirmed contributions and check-ins.
CREATE INDEX rsvps_checked_in ON rsvps(item_id, member_id, checked_in_at) WHERE checked_in_at IS NOT NULL;
CREATE INDEX contributions_confirmed ON contributions(item_id, giver_id, receiver_id, decided_at, created_at) WHERE status = 'confirmed';
)sql";

// Migration 19, lending (social/lending.h, social/loan_sweeps.h):
// - loans.given_at: a reservation that ended with the item given (an offer
//   to give, or help given); such a loan is past, like a returned one.
// - loans_by_item: a lender's loans are read from their items
//   (items_by_author), then each item's loans.
// - offer_expiries: per offer and expiry time, when its author was told it
//   is about to expire and when kring expired it; keyed by the time, so a
//   new expires_at is noticed anew and an offer renewed after expiring is
//   not expired again at the same time.
constexpr std::string_view kLending = R"sql(
ALTER TABLE loans ADD COLUMN given_at INTEGER;
CREATE INDEX loans_by_item ON loans(item_id, id);
CREATE TABLE offer_expiries (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  noticed_at INTEGER,
  expired_at INTEGER,
  PRIMARY KEY (item_id, expires_at)
) WITHOUT ROWID;
)sql";

// Migration 17: the ledger's totals, kept by SQL triggers so that an
// initiative's progress per goal is a read of a few rows however many
// pledges it has (bench/contributions: 10,000 pledges), and so that rows
// written by anything (the demo, a restore) stay counted. One row per item,
// goal (-1: none, as for knowledge and support), kind and status: the
// number of contributions and the sum of their amounts. A contribution's
// move between statuses moves its amount between rows; rows that reach
// zero are kept (an item has at most goals x kinds x statuses of them).
// decision_note: what the organiser who confirmed or declined says.
constexpr std::string_view kContributionTotals = R"sql(
ALTER TABLE contributions ADD COLUMN decision_note TEXT NOT NULL DEFAULT '';
CREATE TABLE contribution_totals (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  goal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  contributions INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (item_id, goal, kind, status)
) WITHOUT ROWID;
INSERT INTO contribution_totals (item_id, goal, kind, status, contributions, amount)
  SELECT item_id, coalesce(goal_position, -1), kind, status, count(*), sum(amount)
  FROM contributions GROUP BY item_id, coalesce(goal_position, -1), kind, status;
CREATE TRIGGER contribution_totals_insert AFTER INSERT ON contributions BEGIN
  INSERT INTO contribution_totals (item_id, goal, kind, status, contributions, amount)
    VALUES (new.item_id, coalesce(new.goal_position, -1), new.kind, new.status, 1, new.amount)
    ON CONFLICT (item_id, goal, kind, status) DO UPDATE
    SET contributions = contributions + 1, amount = amount + excluded.amount;
END;
CREATE TRIGGER contribution_totals_delete AFTER DELETE ON contributions BEGIN
  UPDATE contribution_totals SET contributions = contributions - 1, amount = amount - old.amount
    WHERE item_id = old.item_id AND goal = coalesce(old.goal_position, -1) AND kind = old.kind
      AND status = old.status;
END;
CREATE TRIGGER contribution_totals_update
  AFTER UPDATE OF item_id, goal_position, kind, status, amount ON contributions BEGIN
  UPDATE contribution_totals SET contributions = contributions - 1, amount = amount - old.amount
    WHERE item_id = old.item_id AND goal = coalesce(old.goal_position, -1) AND kind = old.kind
      AND status = old.status;
  INSERT INTO contribution_totals (item_id, goal, kind, status, contributions, amount)
    VALUES (new.item_id, coalesce(new.goal_position, -1), new.kind, new.status, 1, new.amount)
    ON CONFLICT (item_id, goal, kind, status) DO UPDATE
    SET contributions = contributions + 1, amount = amount + excluded.amount;
END;
CREATE INDEX contributions_by_item_id ON contributions(item_id, id);
)sql";

// Matching (issue 11, social/matches.h): who was told of a match, so that
// a strong match tells each member once, however often the item's skills
// change afterwards. item_id is the item they were told of, member_id who
// was told. The skill indexes matching reads (member_terms_by_term,
// item_skills_by_skill) are migrations 7's and 16's.
constexpr std::string_view kMatchNotices = R"sql(
CREATE TABLE match_notices (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  told_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, member_id)
) WITHOUT ROWID;
)sql";

constexpr std::array<Migration, 20> kMigrations = {{
    {1, "members, profiles, sessions, ties", kMembersSchema},
    {2, "spaces, items, conversations, notifications, moderation, search", kContentSchema},
    {3, "network version and history", kNetworkSchema},
    {4, "secret spaces: slugs with an unguessable ending", kSecretSlugsUnguessable},
    {5, "network version counts term, visibility and tag changes", kNetworkVersionGaps},
    {6, "revision visibility (history outlives its audience)", kRevisionVisibility},
    {7, "enum columns hold names, not ordinals", kEnumsByName},
    {8, "item status changes (the status history)", kItemStatusChanges},
    {9, "votes on items", kItemVotes},
    {10, "item places and categories", kItemPlaces},
    {11, "duplicates point at their original", kItemDuplicates},
    {12, "the vote count stored on the item; spaces' vote settings", kItemVoteCount},
    {13, "follow-up questions (is it fixed?)", kItemFollowUps},
    {14, "members following items", kItemFollows},
    {15, "the suspended members, indexed", kSuspendedMembers},
    {16, "requests, offers, initiatives, events; the ledger, RSVPs, loans", kContributionEconomy},
    {17, "the ledger's totals per item, goal, kind and status", kContributionTotals},
    {19, "lending: gifts ended, loans by item, offer expiries", kLending},
    {20, "who was told of a match", kMatchNotices},
    {21, "the network version counts confirmed contributions and check-ins", kNetworkLedgerAndAttendance},
}};

// apply_migrations() walks the array in order and skips what the file's
// user_version already has, so a lower version after a higher one would
// never run on a file that has the higher one.
constexpr bool versions_increase() {
  for (std::size_t i = 1; i < kMigrations.size(); ++i) {
    if (kMigrations[i].version <= kMigrations[i - 1].version) return false;
  }
  return true;
}
static_assert(versions_increase(), "kMigrations must list versions in increasing order");

int user_version(Connection& conn) {
  auto stmt = conn.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.int64(0));
}

}  // namespace

int latest_schema_version() { return kMigrations.back().version; }

int migrations_after(int version) {
  int n = 0;
  for (const auto& migration : kMigrations) n += migration.version > version;
  return n;
}

int apply_migrations(Connection& conn, int up_to) {
  int applied = 0;
  for (const auto& migration : kMigrations) {
    if (migration.version > up_to) break;
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
