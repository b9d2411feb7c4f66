#pragma once
// The civic part of the demo (issue 10): the municipality's space for
// Lombok, Utrecht, where residents put forward ideas and vote on them and
// report problems at real places in the neighbourhood, and the area team
// (the space's hosts) answers by moving each along its kind's workflow
// (core/kinds.h) with a public note.
//
// Planned here, written by load_demo_content (demo_content.h) in time
// order with everything else: the space among the spaces, the ideas and
// reports among the posts, so that their time-ordered ids (core/ids.h)
// grow with created_at; then write_civic_history adds the votes, status
// changes, duplicate links and follow-up questions, each table in time order.
//
// Ideas and reports come from a script (demo_civic.cpp): every status of
// both workflows occurs, each reached by moves the kind table allows, by
// hosts, or by the reporter reopening a report they say is not fixed. Votes
// come from the space's members while the idea is open: for some ideas from
// across the demo's communities, for others from one community only (what
// the `diverse` sort tells apart).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/space.h"
#include "social/demo/demo_content.h"
#include "store/database.h"

namespace kring::social::demo {

struct CivicMembership {
  MemberId member = 0;
  SpaceRole role = SpaceRole::kMember;
  Micros since = 0;
};

struct CivicVote {
  MemberId member = 0;
  Micros at = 0;
};

// One move along the item's workflow, from where the one before left it.
struct CivicMove {
  std::string status;
  MemberId actor = 0;
  std::string note;
  Micros at = 0;
};

// The kind's follow-up question (core/kinds.h FollowUp) about the move
// `move` into its asking status, as FollowUps::ask_due asks it, and the
// author's answer, if given. A "no" is followed by the author's reopen
// move at the same moment, as FollowUps::answer makes it.
struct CivicFollowUp {
  size_t move = 0;
  Micros asked_at = 0;
  std::optional<Micros> answered_at;
  bool fixed = true;
};

struct PlannedCivicItem {
  // At its kind's initial status, with its author, text, place and
  // created_at; id 0 until load_demo_content writes it.
  Item item;
  std::vector<CivicMove> moves;  // in time order
  std::vector<CivicVote> votes;  // all while the item is still open
  // The original (an index into CivicPlan::items) of an item whose moves
  // end in `duplicate`.
  std::optional<size_t> duplicate_of;
  std::optional<CivicFollowUp> follow_up;
};

struct CivicPlan {
  Space space;  // open, no vote limit or review threshold; slug and id set when written
  Micros founded = 0;
  std::vector<CivicMembership> members;  // the owner first, then moderators, then members
  std::vector<PlannedCivicItem> items;   // ideas first, then reports; not in time order
};

struct CivicSummary {
  std::string slug;
  std::int64_t ideas = 0;
  std::int64_t votes = 0;
  std::int64_t reports = 0;
};

// The plan for `members` (ordered by joined_at, the instance admin and the
// analyst first, who stay out of the space) up to `now`; nullopt when the
// demo is too small for an area team and residents (fewer than three
// well-connected members who joined before the space was founded).
// Deterministic for a seed. Throws std::logic_error when the script breaks
// the kind table (a move it does not have, by someone it does not allow,
// or after `now`): a bug in the script, not in the data.
std::optional<CivicPlan> plan_civic(const std::vector<DemoMember>& members, Micros now,
                                    std::uint64_t seed);

// Writes the votes, the status changes (items' statuses moved with them),
// the duplicate links and the follow-up questions (with the fixed_check
// notification each asks with, read once answered) and answers.
// REQUIRES: inside a write transaction on conn; the space and every item
// of the plan written (ids set).
CivicSummary write_civic_history(store::Connection& conn, const CivicPlan& plan);

}  // namespace kring::social::demo
