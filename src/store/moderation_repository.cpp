#include "store/moderation_repository.h"

#include "store/keyset.h"
#include "store/row_ids.h"

namespace kring::store {

bool ModerationRepository::insert_report(const ReportRow& r) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO reports (reporter_id, target_type, target_id, space_id, reason, "
      "created_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(7, allocate_row_id(conn_, IdTable::kReports, r.created_at));
  st.bind(1, r.reporter).bind(2, r.target_type).bind(3, r.target_id).bind_optional(4, r.space_id);
  st.bind(5, r.reason).bind(6, r.created_at).run();
  return conn_.changes() > 0;
}

namespace {
ReportRow read_report(Statement& st) {
  ReportRow r;
  r.id = st.int64(0);
  r.reporter = st.int64(1);
  r.target_type = st.text(2);
  r.target_id = st.int64(3);
  if (!st.is_null(4)) r.space_id = st.int64(4);
  r.reason = st.text(5);
  r.created_at = st.int64(6);
  r.resolved = !st.is_null(7);
  return r;
}
constexpr std::string_view kReportColumns =
    "SELECT id, reporter_id, target_type, target_id, space_id, reason, created_at, resolved_at "
    "FROM reports ";
}  // namespace

std::vector<ReportRow> ModerationRepository::open_reports(std::optional<SpaceId> space,
                                                          std::optional<CursorKey> after,
                                                          int limit) {
  // The instance-wide queue is filtered here, not after the read: a page
  // cut from all reports and then thinned would end early and lose the rest.
  Keyset keyset({"", "id", SortOrder::kDescending}, after, limit);
  auto st = conn_.prepare(std::string(kReportColumns) + "WHERE resolved_at IS NULL AND " +
                          (space ? "space_id = ?1" : "space_id IS NULL") + " AND " +
                          keyset.after_cursor() + keyset.order_and_limit());
  if (space) st.bind(1, *space);
  keyset.bind(st);
  std::vector<ReportRow> out;
  while (st.step()) out.push_back(read_report(st));
  return out;
}

std::optional<ReportRow> ModerationRepository::find_report(std::int64_t id) {
  auto st = conn_.prepare(std::string(kReportColumns) + "WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_report(st);
}

void ModerationRepository::resolve_report(std::int64_t id, Micros now) {
  auto st = conn_.prepare("UPDATE reports SET resolved_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, now).run();
}

void ModerationRepository::mute(MemberId member, const std::string& type, std::int64_t target,
                                Micros now) {
  auto st = conn_.prepare(
      "INSERT OR IGNORE INTO mutes (member_id, target_type, target_id, created_at) VALUES (?1, "
      "?2, ?3, ?4)");
  st.bind(1, member).bind(2, type).bind(3, target).bind(4, now).run();
}

void ModerationRepository::unmute(MemberId member, const std::string& type, std::int64_t target) {
  auto st = conn_.prepare(
      "DELETE FROM mutes WHERE member_id = ?1 AND target_type = ?2 AND target_id = ?3");
  st.bind(1, member).bind(2, type).bind(3, target).run();
}

}  // namespace kring::store
