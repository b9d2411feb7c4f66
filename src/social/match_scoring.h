#pragma once
// The score of a match (social/matches.h), one rule for the endpoint's
// ranking and for deciding which matches are strong enough to tell anyone
// (social/match_notices.h). Points, added up:
//
//   a member for a request         an open item for a request or an offer
//   3 a skill of the request held  3 a skill both name
//   2 near: active member of the   1 a word both titles share (3 at most)
//     request's neighbourhood or   2 within kNearKm of each other
//     place space                  1 in the same space
//   3 tied to the author (distance 1: a connection or follow either way)
//   2 a friend of a friend (distance 2)
//
// Members have no coordinates (a home place is a name), so for them "near"
// is being in the neighbourhood or place where the request was posted.
// Skills weigh most because they are what was asked; closeness in the
// network is what makes a stranger's help likely (Granovetter's weak ties
// reach furthest, but friends of friends answer). A member match is strong
// with a skill and either near or within distance 2; an item match is
// strong at kStrongMatch points with a shared skill among them.

#include <optional>

namespace kring::social {

inline constexpr int kSkillPoints = 3;
inline constexpr int kNearPoints = 2;
inline constexpr int kWordPoints = 1;
inline constexpr int kWordsCounted = 3;
inline constexpr int kSameSpacePoints = 1;
inline constexpr double kNearKm = 5.0;
inline constexpr int kStrongMatch = 5;

// 3 for distance 1, 2 for distance 2, else (further or not tied) 0.
int network_points(int distance);

// skills: how many of the request's skills the member holds; near as
// above; distance: 1, 2, or 0 when not within 2.
int member_score(int skills, bool near, int distance);
bool strong_member_match(int skills, bool near, int distance);

// skills and words shared by the two items (words counted up to
// kWordsCounted); km between their locations when both have one.
int item_score(int skills, int words, std::optional<double> km, bool same_space);
bool strong_item_match(int skills, int words, std::optional<double> km, bool same_space);

}  // namespace kring::social
