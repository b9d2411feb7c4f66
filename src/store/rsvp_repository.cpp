#include "store/rsvp_repository.h"

namespace kring::store {

namespace {

constexpr std::string_view kColumns =
    "item_id, member_id, state, guests, position, responded_at, checked_in_at";

Rsvp read_rsvp(const Statement& st) {
  Rsvp r;
  r.item = st.int64(0);
  r.member = st.int64(1);
  r.state = parse_rsvp_state(st.text(2)).value_or(RsvpState::kWaitlisted);
  r.guests = st.int64(3);
  r.position = st.int64(4);
  r.responded_at = st.int64(5);
  if (!st.is_null(6)) r.checked_in_at = st.int64(6);
  return r;
}

}  // namespace

std::string_view rsvp_state_name(RsvpState state) {
  return state == RsvpState::kGoing ? "going" : "waitlisted";
}

std::optional<RsvpState> parse_rsvp_state(std::string_view name) {
  if (name == "going") return RsvpState::kGoing;
  if (name == "waitlisted") return RsvpState::kWaitlisted;
  return std::nullopt;
}

std::optional<Rsvp> RsvpRepository::find(ItemId item, MemberId member) {
  auto st = conn_.prepare("SELECT " + std::string(kColumns) +
                          " FROM rsvps WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member);
  if (!st.step()) return std::nullopt;
  return read_rsvp(st);
}

std::int64_t RsvpRepository::going_places(ItemId item) {
  auto st = conn_.prepare(
      "SELECT coalesce(sum(1 + guests), 0) FROM rsvps WHERE item_id = ?1 AND state = 'going'");
  st.bind(1, item);
  return st.step() ? st.int64(0) : 0;
}

std::int64_t RsvpRepository::waitlisted_count(ItemId item) {
  auto st = conn_.prepare("SELECT count(*) FROM rsvps WHERE item_id = ?1 AND state = 'waitlisted'");
  st.bind(1, item);
  return st.step() ? st.int64(0) : 0;
}

std::vector<Rsvp> RsvpRepository::waitlist(ItemId item, int limit) {
  auto st = conn_.prepare("SELECT " + std::string(kColumns) +
                          " FROM rsvps WHERE item_id = ?1 AND state = 'waitlisted' ORDER BY "
                          "position LIMIT ?2");
  st.bind(1, item).bind(2, limit);
  std::vector<Rsvp> out;
  while (st.step()) out.push_back(read_rsvp(st));
  return out;
}

std::int64_t RsvpRepository::waitlist_place(ItemId item, std::int64_t position) {
  auto st = conn_.prepare(
      "SELECT count(*) FROM rsvps WHERE item_id = ?1 AND state = 'waitlisted' AND position <= ?2");
  st.bind(1, item).bind(2, position);
  return st.step() ? st.int64(0) : 0;
}

std::int64_t RsvpRepository::next_position(ItemId item) {
  // The largest position ever given stays taken by its row or, once that
  // row is gone, by nobody; max + 1 over the rows left may then give it
  // again, which is harmless: positions only order the rows that exist.
  auto st = conn_.prepare("SELECT coalesce(max(position), 0) + 1 FROM rsvps WHERE item_id = ?1");
  st.bind(1, item);
  return st.step() ? st.int64(0) : 1;
}

void RsvpRepository::insert(const Rsvp& r) {
  auto st = conn_.prepare("INSERT INTO rsvps (" + std::string(kColumns) +
                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, r.item).bind(2, r.member).bind(3, rsvp_state_name(r.state)).bind(4, r.guests);
  st.bind(5, r.position).bind(6, r.responded_at).bind_optional(7, r.checked_in_at);
  st.run();
}

void RsvpRepository::set_guests(ItemId item, MemberId member, std::int64_t guests) {
  auto st = conn_.prepare("UPDATE rsvps SET guests = ?3 WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).bind(3, guests).run();
}

void RsvpRepository::set_state(ItemId item, MemberId member, RsvpState state) {
  auto st = conn_.prepare("UPDATE rsvps SET state = ?3 WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).bind(3, rsvp_state_name(state)).run();
}

void RsvpRepository::set_checked_in(ItemId item, MemberId member, std::optional<Micros> at) {
  auto st =
      conn_.prepare("UPDATE rsvps SET checked_in_at = ?3 WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).bind_optional(3, at).run();
}

bool RsvpRepository::remove(ItemId item, MemberId member) {
  auto st = conn_.prepare("DELETE FROM rsvps WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member).run();
  return conn_.changes() > 0;
}

RsvpSummary RsvpRepository::summary(ItemId item, std::optional<std::int64_t> capacity,
                                    MemberId viewer) {
  auto st = conn_.prepare(
      "SELECT coalesce(sum(CASE WHEN state = 'going' THEN 1 + guests END), 0), "
      "count(CASE WHEN state = 'waitlisted' THEN 1 END), "
      "count(CASE WHEN state = 'going' AND checked_in_at IS NOT NULL THEN 1 END) "
      "FROM rsvps WHERE item_id = ?1");
  st.bind(1, item);
  RsvpSummary out;
  out.capacity = capacity;
  if (st.step()) {
    out.going = st.int64(0);
    out.waitlisted = st.int64(1);
    out.checked_in = st.int64(2);
  }
  if (viewer != 0) out.mine = find(item, viewer);
  if (out.mine && out.mine->state == RsvpState::kWaitlisted) {
    out.my_position = waitlist_place(item, out.mine->position);
  }
  return out;
}

std::vector<MemberId> RsvpRepository::going_members(ItemId item) {
  auto st = conn_.prepare(
      "SELECT member_id FROM rsvps WHERE item_id = ?1 AND state = 'going' ORDER BY position");
  st.bind(1, item);
  std::vector<MemberId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

std::vector<Rsvp> RsvpRepository::list(ItemId item, AttendeeFilter filter,
                                       std::optional<std::int64_t> after, int limit) {
  // One statement per filter; each walks rsvps_by_state (item_id, state,
  // position) from the cursor on.
  static constexpr std::string_view kWhere[] = {
      "state = 'going'",
      "state = 'waitlisted'",
      "state = 'going' AND checked_in_at IS NOT NULL",
  };
  auto st =
      conn_.prepare("SELECT " + std::string(kColumns) + " FROM rsvps WHERE item_id = ?1 AND " +
                    std::string(kWhere[static_cast<int>(filter)]) +
                    " AND position > ?2 ORDER BY position LIMIT ?3");
  st.bind(1, item).bind(2, after.value_or(0)).bind(3, limit);
  std::vector<Rsvp> out;
  while (st.step()) out.push_back(read_rsvp(st));
  return out;
}

bool RsvpRepository::is_co_organiser(ItemId item, MemberId member) {
  auto st = conn_.prepare("SELECT 1 FROM item_organisers WHERE item_id = ?1 AND member_id = ?2");
  st.bind(1, item).bind(2, member);
  return st.step();
}

}  // namespace kring::store
