#pragma once
// Each file in handlers/ registers the routes of one resource. Handlers
// parse and encode; every decision is made by the social service they call.

#include "http/router.h"
#include "social/services.h"

namespace kring::http {

class Metrics;

void register_account_routes(Router& router, social::Services& services);
void register_member_routes(Router& router, social::Services& services);
void register_tie_routes(Router& router, social::Services& services);
void register_space_routes(Router& router, social::Services& services);
void register_item_routes(Router& router, social::Services& services);
void register_feed_routes(Router& router, social::Services& services);
void register_notification_routes(Router& router, social::Services& services);
void register_search_routes(Router& router, social::Services& services);
void register_moderation_routes(Router& router, social::Services& services);
void register_network_routes(Router& router, social::Services& services);
// metrics is resolved lazily: the dispatcher that owns it is built after the routes.
void register_operation_routes(Router& router, social::Services& services,
                               std::function<Metrics&()> metrics);

// Builds the full API router.
Router build_router(social::Services& services, std::function<Metrics&()> metrics);

}  // namespace kring::http
