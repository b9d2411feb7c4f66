#pragma once
// Reports and mutes. Runs inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "core/cursor.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

struct ReportRow {
  std::int64_t id = 0;
  MemberId reporter = 0;
  std::string target_type;  // item, reply, member
  std::int64_t target_id = 0;
  std::optional<SpaceId> space_id;
  std::string reason;
  Micros created_at = 0;
  bool resolved = false;
};

class ModerationRepository {
 public:
  explicit ModerationRepository(Connection& conn) : conn_(conn) {}

  // False when the reporter already reported this target.
  bool insert_report(const ReportRow& row);
  // Open reports of one space, or (space empty) instance-wide ones, newest
  // first, keyset-paged on id (store/keyset.h).
  std::vector<ReportRow> open_reports(std::optional<SpaceId> space, std::optional<CursorKey> after,
                                      int limit);
  std::optional<ReportRow> find_report(std::int64_t id);
  void resolve_report(std::int64_t id, Micros now);

  void mute(MemberId member, const std::string& target_type, std::int64_t target, Micros now);
  void unmute(MemberId member, const std::string& target_type, std::int64_t target);

 private:
  Connection& conn_;
};

}  // namespace kring::store
