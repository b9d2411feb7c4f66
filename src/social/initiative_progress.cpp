#include "social/initiative_progress.h"

#include "store/contribution_repository.h"

namespace kring::social {

std::vector<GoalProgress> initiative_progress(store::Connection& conn, const Item& item) {
  std::vector<GoalProgress> out;
  if (item.goals.empty()) return out;
  out.reserve(item.goals.size());
  for (const ItemGoal& g : item.goals) out.push_back({g.kind, g.label, g.target, 0, 0});
  for (const auto& t : store::ContributionRepository(conn).goal_totals(item.id)) {
    if (t.goal < 0 || t.goal >= static_cast<std::int64_t>(out.size())) continue;
    GoalProgress& p = out[static_cast<std::size_t>(t.goal)];
    if (t.kind != p.kind) continue;
    if (t.status == "pledged" || t.status == "delivered" || t.status == "confirmed") {
      p.pledged += t.amount;
    }
    if (t.status == "confirmed") p.confirmed += t.amount;
  }
  return out;
}

bool reaches_minimum(const std::vector<GoalProgress>& progress, std::int64_t minimum) {
  for (const auto& p : progress) {
    // pledged/target >= minimum/100, in integers (amounts stay far below
    // 2^63 / 100: social/exchange_fields.h's ceilings).
    if (p.pledged * 100 < minimum * p.target) return false;
  }
  return true;
}

}  // namespace kring::social
