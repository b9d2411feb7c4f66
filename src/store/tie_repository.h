#pragma once
// Ties between members: follows, connections (pending and accepted) and
// blocks. Functions run inside the caller's transaction; the rules about
// which tie may exist live in social/ties.

#include <optional>
#include <string_view>
#include <vector>

#include "core/cursor.h"
#include "core/member.h"
#include "core/page.h"
#include "store/database.h"

namespace kring::store {

enum class TieKind { kFollow, kConnection, kBlock };
enum class TieState { kPending, kAccepted };

std::string_view tie_kind_name(TieKind kind);

// One row of a tie list: the member at the other end and when it began.
struct TieEntry {
  MemberId other = 0;
  Micros created_at = 0;
  std::int64_t tie_id = 0;
  // The row's place in a tie list's order (store/keyset.h).
  CursorKey key() const { return {created_at, tie_id}; }
};

enum class TieDirection { kOutgoing, kIncoming };

struct TieListQuery {
  MemberId member = 0;
  TieDirection direction = TieDirection::kOutgoing;
  TieKind kind = TieKind::kFollow;
  TieState state = TieState::kAccepted;
  // Rows whose other end is suspended or in a block with viewer are skipped.
  MemberId viewer = 0;
  std::optional<CursorKey> after;
  int limit = kDefaultPageSize;
};

struct SecondDegreeEntry {
  MemberId other = 0;
  std::int64_t shared = 0;    // how many connections link us
  std::vector<MemberId> via;  // the shared connections, ascending
  // The row's place in the list's order: most shared first, then by id.
  CursorKey key() const { return {-shared, other}; }
};

class TieRepository {
 public:
  explicit TieRepository(Connection& conn) : conn_(conn) {}

  std::optional<TieState> find(MemberId source, MemberId target, TieKind kind);
  void insert(MemberId source, MemberId target, TieKind kind, TieState state, Micros now);
  void remove(MemberId source, MemberId target, TieKind kind);
  // Accepts requester's pending request to addressee: both rows accepted.
  void accept_connection(MemberId requester, MemberId addressee, Micros now);
  // Removes a connection (either state) in both directions.
  void remove_connection(MemberId a, MemberId b);
  // True when either member blocks the other.
  bool blocked_either_way(MemberId a, MemberId b);

  // Newest first, keyset-paged on (created_at, id).
  std::vector<TieEntry> list(const TieListQuery& query);
  std::int64_t count(MemberId member, TieDirection direction, TieKind kind, TieState state);

  // Connections of my connections who are not me, not yet connected and not
  // blocked either way; most shared connections first, then by member id,
  // keyset-paged on that order (SecondDegreeEntry::key).
  std::vector<SecondDegreeEntry> second_degree(MemberId member, std::optional<CursorKey> after,
                                               int limit);

 private:
  Connection& conn_;
};

}  // namespace kring::store
