#pragma once
// Everything the http layer may call, built once at start-up over one
// database and the operator's settings. Each service is thread-safe. The
// database itself is not a member: http reaches it only through a service.

#include "social/accounts.h"
#include "social/contributions.h"
#include "social/conversation.h"
#include "social/events.h"
#include "social/feeds.h"
#include "social/follow_ups.h"
#include "social/item_follows.h"
#include "social/item_listing.h"
#include "social/health.h"
#include "social/item_status.h"
#include "social/items.h"
#include "social/lending.h"
#include "social/loan_sweeps.h"
#include "social/login_throttle.h"
#include "social/matches.h"
#include "social/members.h"
#include "social/moderation.h"
#include "social/network.h"
#include "social/notification_hub.h"
#include "social/notifications.h"
#include "social/open_data.h"
#include "social/organisers.h"
#include "social/place_search.h"
#include "social/rate_limits.h"
#include "social/reputation.h"
#include "social/search.h"
#include "social/similar_items.h"
#include "social/spaces.h"
#include "social/suggestions.h"
#include "social/ties.h"
#include "social/votes.h"

namespace kring::social {

struct Services {
  // markdown: how member text is rendered (kring serve --allow-remote-images).
  // limits: the rate limits in force (rate_limits.h); the log-in throttle
  // is always on.
  explicit Services(store::Database& db, MarkdownOptions markdown = {},
                    RateLimitConfig limits = RateLimitConfig::defaults())
      : rate_limiter(limits),
        hub(rate_limiter),
        accounts(db, login_throttle, hub),
        members(db, hub),
        ties(db, hub),
        spaces(db, hub),
        items(db, hub, markdown),
        item_statuses(db, hub),
        follow_ups(db, hub, item_statuses),
        conversation(db, hub, markdown),
        votes(db, hub),
        events(db, hub),
        item_follows(db),
        feeds(db),
        item_listing(db),
        open_data(db),
        similar_items(db),
        matches(db),
        notifications(db),
        search(db),
        place_search(db),
        moderation(db),
        network(db),
        reputation(db),
        suggestions(db),
        health(db),
        lending(db, hub),
        loan_sweeps(db, hub),
        contributions(db, hub),
        organisers(db) {}

  RateLimiter rate_limiter;
  LoginThrottle login_throttle;
  NotificationHub hub;
  Accounts accounts;
  Members members;
  Ties ties;
  Spaces spaces;
  Items items;
  ItemStatuses item_statuses;
  FollowUps follow_ups;
  Conversation conversation;
  Votes votes;
  Events events;
  ItemFollows item_follows;
  Feeds feeds;
  ItemListing item_listing;
  OpenData open_data;
  SimilarItems similar_items;
  Matches matches;
  Notifications notifications;
  Search search;
  PlaceSearch place_search;
  Moderation moderation;
  Network network;
  Reputation reputation;
  SuggestionService suggestions;
  Health health;
  Lending lending;
  LoanSweeps loan_sweeps;
  Contributions contributions;
  Organisers organisers;
};

}  // namespace kring::social
