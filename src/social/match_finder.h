#pragma once
// Finds and scores the matches of a request or an offer (social/matches.h
// shows them, social/match_notices.h tells the strong ones), as ids and
// reasons; the score is social/match_scoring.h's.
//
// Members for a request: candidates by the skill index first, then ranked.
// The candidates are the members within distance 2 of the author (a
// breadth-first walk over ties, at most kNetworkReach members), those of
// the request's neighbourhood or place space holding a skill (at most
// kNearPool a skill), and the first kSkillPool holders of each skill.
// Outside the pools a member scores for skills alone, so for a one-skill
// request nobody better is left out; with several skills a stranger who
// holds more than one of them, and is not among the first holders of any,
// is (a common skill has ~440k holders in bench/matching). Only members
// store::MatchRepository::may_offer_member lets through are kept (never the
// author, a suspended member, one across a block with the author, one
// whose skills the viewer may not see, one who may not read the request).
//
// Items: open offers (status available) for a request, open requests
// (status open) for an offer, sharing a skill or a word of the title, that
// the viewer may read, not by the author nor by a member across a block
// with them or suspended; at most kItemPool by each skill and by the
// title's words, newest first, then ranked.
// Runs inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::social {

inline constexpr int kMatchesMax = 50;
inline constexpr int kNetworkReach = 20000;
inline constexpr int kNearPool = 500;
inline constexpr int kSkillPool = 200;
inline constexpr int kItemPool = 200;
// A friend of a friend names at most this many of the friends between.
inline constexpr std::size_t kViaNamed = 3;

struct MemberCandidate {
  MemberId member = 0;
  int score = 0;
  std::vector<std::string> skills;    // the request's labels of the skills they hold
  std::optional<SpaceId> near_space;  // the request's space, when near by it
  int distance = 0;                   // 1 or 2; 0: further, or not tied
  std::vector<MemberId> via;          // distance 2: the author's ties between
};

struct ItemCandidate {
  Item item;
  int score = 0;
  std::vector<std::string> skills;  // the matched item's labels of the shared skills
  std::vector<std::string> words;   // title words both share
  std::optional<double> km;         // between the two, when both have a location
  bool same_space = false;
};

// Whether items of `kind` have matches: requests and offers.
bool has_matches(const Item& item);

// The best `limit` members for a request, as `viewer` may see them, best
// first (score, then the closer, then the earlier member). Empty for an
// item that is not a request or names no skills.
std::vector<MemberCandidate> match_members(store::Connection& conn, const Item& request,
                                           MemberId viewer, int limit);

// The best `limit` open items of the other kind, best first (score, then
// the newer).
std::vector<ItemCandidate> match_items(store::Connection& conn, const Item& item, MemberId viewer,
                                       int limit);

}  // namespace kring::social
