#include "store/tie_repository.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "store/keyset.h"
#include "store/member_visibility_sql.h"

namespace kring::store {

namespace {
constexpr std::array<std::string_view, 3> kKindNames = {"follow", "connection", "block"};
std::string_view state_name(TieState s) { return s == TieState::kPending ? "pending" : "accepted"; }

// The other end of a listed tie is shown only if the viewer (?7) may see
// them listed (core/visibility_rules.h: member_listed_rule).
std::string other_visible(std::string_view other) {
  return " AND " + member_listed_sql(other, "", "?7");
}
}  // namespace

std::string_view tie_kind_name(TieKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<TieState> TieRepository::find(MemberId source, MemberId target, TieKind kind) {
  auto s = conn_.prepare(
      "SELECT state FROM ties WHERE source_id = ?1 AND target_id = ?2 AND kind = ?3");
  s.bind(1, source).bind(2, target).bind(3, tie_kind_name(kind));
  if (!s.step()) return std::nullopt;
  return s.text(0) == "pending" ? TieState::kPending : TieState::kAccepted;
}

void TieRepository::insert(MemberId source, MemberId target, TieKind kind, TieState state,
                           Micros now) {
  auto s = conn_.prepare(
      "INSERT INTO ties (source_id, target_id, kind, state, created_at) VALUES (?1, ?2, ?3, ?4, "
      "?5) ON CONFLICT (source_id, target_id, kind) DO UPDATE SET state = excluded.state");
  s.bind(1, source).bind(2, target).bind(3, tie_kind_name(kind)).bind(4, state_name(state));
  s.bind(5, now).run();
}

void TieRepository::remove(MemberId source, MemberId target, TieKind kind) {
  auto s = conn_.prepare("DELETE FROM ties WHERE source_id = ?1 AND target_id = ?2 AND kind = ?3");
  s.bind(1, source).bind(2, target).bind(3, tie_kind_name(kind)).run();
}

void TieRepository::accept_connection(MemberId requester, MemberId addressee, Micros now) {
  auto s = conn_.prepare(
      "UPDATE ties SET state = 'accepted', created_at = ?3 WHERE source_id = ?1 AND target_id = "
      "?2 AND kind = 'connection'");
  s.bind(1, requester).bind(2, addressee).bind(3, now).run();
  insert(addressee, requester, TieKind::kConnection, TieState::kAccepted, now);
}

void TieRepository::remove_connection(MemberId a, MemberId b) {
  remove(a, b, TieKind::kConnection);
  remove(b, a, TieKind::kConnection);
}

bool TieRepository::blocked_either_way(MemberId a, MemberId b) {
  auto s = conn_.prepare(
      "SELECT 1 FROM ties WHERE kind = 'block' AND ((source_id = ?1 AND target_id = ?2) OR "
      "(source_id = ?2 AND target_id = ?1))");
  s.bind(1, a).bind(2, b);
  return s.step();
}

std::vector<TieEntry> TieRepository::list(const TieListQuery& q) {
  bool outgoing = q.direction == TieDirection::kOutgoing;
  std::string_view self = outgoing ? "t.source_id" : "t.target_id";
  std::string_view other = outgoing ? "t.target_id" : "t.source_id";
  Keyset keyset({"t.created_at", "t.id", SortOrder::kDescending}, q.after, q.limit);
  std::string sql = "SELECT " + std::string(other) + ", t.created_at, t.id FROM ties t WHERE " +
                    std::string(self) + " = ?1 AND t.kind = ?2 AND t.state = ?3 AND " +
                    keyset.after_cursor() + other_visible(other) + keyset.order_and_limit();
  auto s = conn_.prepare(sql);
  s.bind(1, q.member).bind(2, tie_kind_name(q.kind)).bind(3, state_name(q.state));
  s.bind(7, q.viewer);
  keyset.bind(s);
  std::vector<TieEntry> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), s.int64(2)});
  return out;
}

std::int64_t TieRepository::count(MemberId member, TieDirection direction, TieKind kind,
                                  TieState state) {
  auto s = conn_.prepare(direction == TieDirection::kOutgoing
                             ? "SELECT count(*) FROM ties WHERE source_id = ?1 AND kind = ?2 AND "
                               "state = ?3"
                             : "SELECT count(*) FROM ties WHERE target_id = ?1 AND kind = ?2 AND "
                               "state = ?3");
  s.bind(1, member).bind(2, tie_kind_name(kind)).bind(3, state_name(state));
  s.step();
  return s.int64(0);
}

std::vector<SecondDegreeEntry> TieRepository::second_degree(MemberId member,
                                                            std::optional<CursorKey> after,
                                                            int limit) {
  // Most shared connections first is the ascending order of minus the count.
  Keyset keyset({"-count(*)", "c2.target_id", SortOrder::kAscending}, after, limit);
  auto s = conn_.prepare(
      "SELECT c2.target_id, group_concat(c1.target_id), count(*) AS shared FROM ties c1 "
      "JOIN ties c2 ON c2.source_id = c1.target_id AND c2.kind = 'connection' AND c2.state = "
      "'accepted' "
      "WHERE c1.source_id = ?1 AND c1.kind = 'connection' AND c1.state = 'accepted' "
      "AND c2.target_id != ?1 "
      "AND NOT EXISTS (SELECT 1 FROM ties d WHERE d.source_id = ?1 AND d.target_id = "
      "c2.target_id AND d.kind = 'connection' AND d.state = 'accepted') "
      "AND " +
      member_listed_sql("c2.target_id") + " GROUP BY c2.target_id HAVING " +
      keyset.after_cursor() + keyset.order_and_limit());
  s.bind(1, member);
  keyset.bind(s);
  std::vector<SecondDegreeEntry> out;
  while (s.step()) {
    SecondDegreeEntry e;
    e.other = s.int64(0);
    e.shared = s.int64(2);
    std::string via = s.text(1);
    for (size_t start = 0; start < via.size();) {
      size_t comma = via.find(',', start);
      if (comma == std::string::npos) comma = via.size();
      MemberId id = 0;
      std::from_chars(via.data() + start, via.data() + comma, id);
      e.via.push_back(id);
      start = comma + 1;
    }
    std::sort(e.via.begin(), e.via.end());
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace kring::store
