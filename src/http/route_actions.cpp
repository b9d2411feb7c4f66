#include "http/route_actions.h"

#include <set>
#include <utility>

namespace kring::http {

namespace {
using A = social::Action;
}  // namespace

const std::vector<RouteActions>& route_actions() {
  static const std::vector<RouteActions> kRows = {
      // operations
      {"GET", "/healthz", {}, "health probe: says only whether the database answers"},
      {"GET", "/metrics", {}, "the operator's scrape, checked against its own token"},
      {"GET", "/api/v1/vocabulary", {}, "the names the API speaks, the same for every caller"},
      {"GET", "/api/v1/instance", {}, "the operator's public settings, the same for every caller"},
      // accounts
      {"POST", "/api/v1/accounts", {}, "registering: anyone may create an account"},
      {"POST", "/api/v1/sessions", {}, "logging in: the password is the check"},
      {"DELETE", "/api/v1/sessions/current", {A::kLogOut}},
      {"GET", "/api/v1/me", {A::kViewOwnProfile}},
      {"PATCH", "/api/v1/me", {A::kEditOwnProfile}},
      {"PUT", "/api/v1/me/password", {A::kChangePassword}},
      // members and their administration
      {"GET", "/api/v1/members", {A::kListMembers}},
      {"GET", "/api/v1/members/{h}", {A::kViewMember}},
      {"GET", "/api/v1/members/{h}/reputation", {A::kViewReputation}},
      {"PUT", "/api/v1/members/{h}/role", {A::kSetMemberRole}},
      {"POST", "/api/v1/members/{h}/suspend", {A::kSuspendMember}},
      {"DELETE", "/api/v1/members/{h}/suspend", {A::kReinstateMember}},
      // ties
      {"POST", "/api/v1/members/{h}/follow", {A::kFollow}},
      {"DELETE", "/api/v1/members/{h}/follow", {A::kUnfollow}},
      {"POST", "/api/v1/members/{h}/connection", {A::kConnect}},
      {"DELETE", "/api/v1/members/{h}/connection", {A::kDisconnect}},
      {"POST", "/api/v1/members/{h}/block", {A::kBlock}},
      {"DELETE", "/api/v1/members/{h}/block", {A::kUnblock}},
      {"GET", "/api/v1/members/{h}/followers", {A::kListTies}},
      {"GET", "/api/v1/members/{h}/following", {A::kListTies}},
      {"GET", "/api/v1/members/{h}/connections", {A::kListTies}},
      {"GET", "/api/v1/me/connection-requests", {A::kViewOwnRequests}},
      {"GET", "/api/v1/me/blocked", {A::kListBlocked}},
      {"GET", "/api/v1/me/second-degree", {A::kViewSecondDegree}},
      // spaces
      {"POST", "/api/v1/spaces", {A::kCreateSpace}},
      {"GET", "/api/v1/spaces", {A::kListSpaces}},
      {"GET", "/api/v1/spaces/{s}", {A::kViewSpace}},
      {"PATCH", "/api/v1/spaces/{s}", {A::kEditSpace}},
      {"POST", "/api/v1/spaces/{s}/members", {A::kJoinSpace}},
      {"GET", "/api/v1/spaces/{s}/members", {A::kListSpaceMembers}},
      // The handle says which: one's own is leaving, another's is removing.
      {"DELETE", "/api/v1/spaces/{s}/members/{h}", {A::kLeaveSpace, A::kRemoveSpaceMember}},
      {"GET", "/api/v1/spaces/{s}/requests", {A::kListJoinRequests}},
      {"POST", "/api/v1/spaces/{s}/requests/{h}", {A::kDecideJoinRequest}},
      {"POST", "/api/v1/spaces/{s}/invites", {A::kInviteToSpace}},
      {"POST", "/api/v1/spaces/{s}/roles/{h}", {A::kSetSpaceRole}},
      {"GET", "/api/v1/me/invitations", {A::kViewOwnInvitations}},
      // items and conversation
      {"POST", "/api/v1/items", {A::kPostItem}},
      {"GET", "/api/v1/items/{id}", {A::kViewItem}},
      {"PATCH", "/api/v1/items/{id}", {A::kEditItem}},
      {"DELETE", "/api/v1/items/{id}", {A::kDeleteItem}},
      {"GET", "/api/v1/items/{id}/history", {A::kViewItemHistory}},
      {"POST", "/api/v1/items/{id}/status", {A::kMoveItemStatus}},
      {"GET", "/api/v1/items/{id}/status-history", {A::kViewStatusHistory}},
      {"GET", "/api/v1/items/{id}/matches", {A::kViewMatches}},
      {"POST", "/api/v1/items/{id}/fixed", {A::kAnswerFollowUp}},
      {"GET", "/api/v1/items/{id}/replies", {A::kListReplies}},
      {"POST", "/api/v1/items/{id}/replies", {A::kReply}},
      {"PUT", "/api/v1/items/{id}/reactions/{kind}", {A::kReact}},
      {"DELETE", "/api/v1/items/{id}/reactions/{kind}", {A::kUnreact}},
      {"POST", "/api/v1/items/{id}/votes", {A::kVote}},
      {"DELETE", "/api/v1/items/{id}/votes", {A::kUnvote}},
      // events
      {"POST", "/api/v1/items/{id}/rsvp", {A::kRsvp}},
      {"DELETE", "/api/v1/items/{id}/rsvp", {A::kCancelRsvp}},
      // going: who is going; waitlisted and checked_in: the organisers' view
      {"GET", "/api/v1/items/{id}/attendees", {A::kListAttendees, A::kViewAttendance}},
      {"POST", "/api/v1/items/{id}/attendees/{h}/check-in", {A::kCheckIn}},
      {"DELETE", "/api/v1/items/{id}/attendees/{h}/check-in", {A::kUndoCheckIn}},
      {"PUT", "/api/v1/items/{id}/follow", {A::kFollowItem}},
      {"DELETE", "/api/v1/items/{id}/follow", {A::kFollowItem}},
      {"DELETE", "/api/v1/replies/{id}", {A::kDeleteReply}},
      // lending
      {"POST", "/api/v1/items/{id}/reservation", {A::kReserveOffer}},
      {"DELETE", "/api/v1/items/{id}/reservation", {A::kCancelReservation}},
      {"POST", "/api/v1/items/{id}/lend", {A::kLendOffer}},
      {"POST", "/api/v1/items/{id}/give", {A::kGiveOffer}},
      {"POST", "/api/v1/items/{id}/return", {A::kConfirmReturn}},
      {"GET", "/api/v1/me/loans", {A::kListOwnLoans}},
      {"PUT", "/api/v1/replies/{id}/reactions/{kind}", {A::kReact}},
      {"DELETE", "/api/v1/replies/{id}/reactions/{kind}", {A::kUnreact}},
      // feeds, notifications, search
      {"GET", "/api/v1/feeds/home", {A::kReadHomeFeed}},
      {"GET", "/api/v1/feeds/public", {A::kReadFeed}},
      {"GET", "/api/v1/spaces/{s}/feed", {A::kReadFeed}},
      {"GET", "/api/v1/members/{h}/feed", {A::kReadFeed}},
      {"GET", "/api/v1/tags/{t}/feed", {A::kReadFeed}},
      {"GET", "/api/v1/items", {A::kReadFeed}},
      {"GET", "/api/v1/spaces/{s}/open-data.csv", {A::kReadFeed}},
      {"GET", "/api/v1/spaces/{s}/open-data.json", {A::kReadFeed}},
      {"GET", "/api/v1/items/similar", {A::kReadFeed}},
      {"GET", "/api/v1/notifications", {A::kReadNotifications}},
      {"POST", "/api/v1/notifications/read", {A::kMarkNotificationsRead}},
      {"GET", "/api/v1/stream", {A::kOpenStream}},
      {"GET", "/api/v1/search", {A::kSearch}},
      {"GET", "/api/v1/places", {A::kSearch}},
      // moderation
      {"POST", "/api/v1/reports", {A::kReport}},
      {"GET", "/api/v1/reports", {A::kViewInstanceReports}},
      {"GET", "/api/v1/spaces/{s}/reports", {A::kViewSpaceReports}},
      {"POST", "/api/v1/reports/{id}/resolve", {A::kResolveReport}},
      {"POST", "/api/v1/items/{id}/hide", {A::kHideItem}},
      {"DELETE", "/api/v1/items/{id}/hide", {A::kUnhideItem}},
      {"POST", "/api/v1/replies/{id}/hide", {A::kHideReply}},
      {"DELETE", "/api/v1/replies/{id}/hide", {A::kUnhideReply}},
      {"POST", "/api/v1/members/{h}/mute", {A::kMute}},
      {"DELETE", "/api/v1/members/{h}/mute", {A::kUnmute}},
      {"POST", "/api/v1/spaces/{s}/mute", {A::kMute}},
      {"DELETE", "/api/v1/spaces/{s}/mute", {A::kUnmute}},
      // network analytics; the scope (instance, space, tag) says which row
      {"GET", "/api/v1/network/metrics", {A::kViewNetworkMetrics, A::kViewSpaceNetwork}},
      {"GET",
       "/api/v1/network/members/{h}",
       {A::kViewNetworkMetrics, A::kViewSpaceNetwork, A::kViewOwnNetworkPosition}},
      {"GET", "/api/v1/network/communities", {A::kViewNetworkMetrics, A::kViewSpaceNetwork}},
      {"GET", "/api/v1/network/graph", {A::kViewNetworkMetrics, A::kViewSpaceNetwork}},
      {"GET", "/api/v1/me/suggestions", {A::kViewSuggestions, A::kViewBridgeSuggestions}},
      // the ledger and co-organisers
      {"POST", "/api/v1/items/{id}/contributions", {A::kPledge}},
      {"GET", "/api/v1/items/{id}/contributions", {A::kListContributions}},
      {"POST", "/api/v1/contributions/{id}/deliver", {A::kDeliverContribution}},
      {"POST", "/api/v1/contributions/{id}/confirm", {A::kConfirmContribution}},
      {"POST", "/api/v1/contributions/{id}/decline", {A::kDeclineContribution}},
      {"POST", "/api/v1/contributions/{id}/withdraw", {A::kWithdrawContribution}},
      {"GET", "/api/v1/members/{h}/contributions", {A::kListContributions}},
      {"GET", "/api/v1/members/{h}/time", {A::kViewTimeBalance}},
      {"GET", "/api/v1/spaces/{s}/contributions", {A::kListContributions}},
      {"PUT", "/api/v1/items/{id}/organisers/{h}", {A::kSetOrganiser}},
      {"DELETE", "/api/v1/items/{id}/organisers/{h}", {A::kSetOrganiser}},
  };
  return kRows;
}

const RouteActions* find_route_actions(std::string_view method, std::string_view pattern) {
  for (const auto& row : route_actions()) {
    if (row.method == method && row.pattern == pattern) return &row;
  }
  return nullptr;
}

Status check_route_actions(const Router& router) {
  std::string problems;
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : router.routes()) {
    std::string method(beast_http::to_string(route.method));
    routed.emplace(method, route.pattern);
    if (!find_route_actions(method, route.pattern)) {
      problems += "\n  no row for route " + method + " " + route.pattern;
    }
  }
  for (const auto& row : route_actions()) {
    if (!routed.count({std::string(row.method), std::string(row.pattern)})) {
      problems +=
          "\n  row for no route: " + std::string(row.method) + " " + std::string(row.pattern);
    }
    if (row.actions.empty() && row.public_because.empty()) {
      problems += "\n  " + std::string(row.method) + " " + std::string(row.pattern) +
                  " names no action and no reason to be public";
    }
  }
  if (problems.empty()) return {};
  return Error::invalid("route_actions",
                        "the route table (http/route_actions.cpp) and the router "
                        "disagree:" +
                            problems);
}

}  // namespace kring::http
