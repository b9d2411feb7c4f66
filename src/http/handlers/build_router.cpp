#include "http/handlers/handlers.h"

namespace kring::http {

Router build_router(social::Services& services, std::function<Metrics&()> metrics,
                    MetricsAccess metrics_access, MapTiles map_tiles) {
  Router router;
  register_operation_routes(router, services, std::move(metrics), std::move(metrics_access));
  register_account_routes(router, services);
  register_member_routes(router, services);
  register_reputation_routes(router, services);
  register_tie_routes(router, services);
  register_space_routes(router, services);
  register_similar_item_routes(router, services);  // before /api/v1/items/{id}
  register_item_routes(router, services);
  register_lending_routes(router, services);
  register_event_routes(router, services);
  register_match_routes(router, services);
  register_feed_routes(router, services);
  register_item_listing_routes(router, services);
  register_open_data_routes(router, services);
  register_notification_routes(router, services);
  register_search_routes(router, services);
  register_moderation_routes(router, services);
  register_network_routes(router, services);
  register_contribution_routes(router, services);
  register_vocabulary_routes(router);
  register_instance_routes(router, services, std::move(map_tiles));
  return router;
}

}  // namespace kring::http
