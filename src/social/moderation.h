#pragma once
// Moderation: reports by members, the queue for space hosts and admins,
// hiding replies, and mutes (a member or a space gone from my feeds).
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "store/database.h"
#include "store/moderation_repository.h"

namespace kring::social {

inline constexpr size_t kReasonMax = 1000;

struct ReportView {
  store::ReportRow row;
  std::optional<MemberView> reporter;
  std::optional<ItemView> item;     // for item reports
  std::optional<ReplyView> reply;   // for reply reports
  std::optional<MemberView> member; // for member reports
};

class Moderation {
 public:
  explicit Moderation(store::Database& db) : db_(db) {}

  // target_type item|reply|member; the target must be visible to the
  // reporter. Reports on space content go to that space's hosts, the rest
  // to instance admins. Reporting twice is one report.
  Result<std::int64_t> report(const Actor& actor, const std::string& target_type,
                              const std::string& target_id, const std::string& reason);
  // Space hosts see their space's queue; instance admins see the rest (slug
  // empty). Newest first, keyset-paged on report id.
  Result<Page<ReportView>> queue(const Actor& actor, const std::string& slug,
                                 const PageRequest& request);
  Status resolve(const Actor& actor, std::int64_t report_id);
  Status hide_reply(const Actor& actor, std::int64_t reply_id, bool hidden);

  Status mute(const Actor& actor, const std::string& target_type, const std::string& key, bool on);

 private:
  store::Database& db_;
};

}  // namespace kring::social
