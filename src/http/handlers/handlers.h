#pragma once
// Each file in handlers/ registers the routes of one resource. Handlers
// parse and encode; every decision is made by the social service they call.

#include "http/map_tiles.h"
#include "http/router.h"
#include "social/services.h"

namespace kring::http {

class Metrics;

void register_account_routes(Router& router, social::Services& services);
void register_member_routes(Router& router, social::Services& services);
// GET /api/v1/members/{h}/reputation (social/reputation.h).
void register_reputation_routes(Router& router, social::Services& services);
void register_tie_routes(Router& router, social::Services& services);
void register_space_routes(Router& router, social::Services& services);
// GET /api/v1/items/similar. The router takes the first route that matches,
// so it is registered before the item routes, whose /api/v1/items/{id}
// would take "similar" for an id.
void register_similar_item_routes(Router& router, social::Services& services);
void register_item_routes(Router& router, social::Services& services);
// Reserving, lending, giving and returning offers; GET /api/v1/me/loans.
void register_lending_routes(Router& router, social::Services& services);
// RSVPs, check-in and attendees of an event (handlers/events.cpp).
void register_event_routes(Router& router, social::Services& services);
void register_feed_routes(Router& router, social::Services& services);
// GET /api/v1/items/{id}/matches.
void register_match_routes(Router& router, social::Services& services);
void register_item_listing_routes(Router& router, social::Services& services);
void register_open_data_routes(Router& router, social::Services& services);
void register_notification_routes(Router& router, social::Services& services);
void register_search_routes(Router& router, social::Services& services);
void register_moderation_routes(Router& router, social::Services& services);
void register_network_routes(Router& router, social::Services& services);
// The ledger: pledges and their moves, listings with totals, the time bank;
// an item's co-organisers.
void register_contribution_routes(Router& router, social::Services& services);
// GET /api/v1/vocabulary: the core tables' names (kinds, reactions,
// visibilities, roles), the same for every caller, with an ETag.
void register_vocabulary_routes(Router& router);
// GET /api/v1/instance: the operator's settings the web app needs (the
// map's tile source), the same for every caller; GET /api/v1/places?q=:
// address suggestions from the items the caller may read.
void register_instance_routes(Router& router, social::Services& services, MapTiles map_tiles);
// Who may read GET /metrics on a listener. By default nobody: request
// counts per route and latencies are for the operator, not the public.
struct MetricsAccess {
  bool served = false;  // false: /metrics is a 404 like any unknown path
  std::string token;    // non-empty: requires "Authorization: Bearer <token>"
};

// GET /healthz: 200 when the database answers.
void register_health_route(Router& router, social::Services& services);
// GET /metrics, Prometheus text. metrics is resolved lazily: the dispatcher
// that owns it is built after the routes.
void register_metrics_route(Router& router, std::function<Metrics&()> metrics,
                            MetricsAccess access);
void register_operation_routes(Router& router, social::Services& services,
                               std::function<Metrics&()> metrics, MetricsAccess access);

// Builds the full API router; metrics_access is for /metrics on the public listener.
Router build_router(social::Services& services, std::function<Metrics&()> metrics,
                    MetricsAccess metrics_access = {}, MapTiles map_tiles = {});

}  // namespace kring::http
