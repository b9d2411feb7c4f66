#pragma once
// JSON shapes of spaces, items, replies, notifications and reports, as the
// API documents them.

#include <nlohmann/json.hpp>

#include "social/item_status.h"
#include "social/item_view.h"
#include "social/moderation.h"
#include "social/notifications.h"
#include "social/spaces.h"

namespace kring::http {

nlohmann::json space_json(const social::SpaceView& view);
nlohmann::json reactions_json(const store::ReactionSummary& summary);
// {votes, voted}: in an item, and the answer of POST/DELETE /items/{id}/votes.
nlohmann::json votes_json(const store::VoteSummary& summary);
// {following, followers}: in an item, and the answer of PUT/DELETE /items/{id}/follow.
nlohmann::json follows_json(const store::FollowSummary& summary);
nlohmann::json item_json(const social::ItemView& view);
nlohmann::json reply_json(const social::ReplyView& view);
// One entry of GET /items/{id}/status-history.
nlohmann::json status_change_json(const social::StatusChangeView& view);
nlohmann::json notification_json(const social::NotificationView& view);
nlohmann::json report_json(const social::ReportView& view);

}  // namespace kring::http
