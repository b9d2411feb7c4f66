#include "social/match_scoring.h"

#include <algorithm>

namespace kring::social {

int network_points(int distance) {
  if (distance == 1) return 3;
  if (distance == 2) return 2;
  return 0;
}

int member_score(int skills, bool near, int distance) {
  return kSkillPoints * skills + (near ? kNearPoints : 0) + network_points(distance);
}

bool strong_member_match(int skills, bool near, int distance) {
  return skills > 0 && (near || network_points(distance) > 0);
}

int item_score(int skills, int words, std::optional<double> km, bool same_space) {
  return kSkillPoints * skills + kWordPoints * std::min(words, kWordsCounted) +
         (km && *km <= kNearKm ? kNearPoints : 0) + (same_space ? kSameSpacePoints : 0);
}

bool strong_item_match(int skills, int words, std::optional<double> km, bool same_space) {
  return skills > 0 && item_score(skills, words, km, same_space) >= kStrongMatch;
}

}  // namespace kring::social
