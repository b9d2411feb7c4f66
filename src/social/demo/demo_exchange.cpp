#include "social/demo/demo_exchange.h"

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <stdexcept>
#include <string_view>

#include "core/kinds.h"
#include "social/markdown.h"

namespace kring::social::demo {

namespace {

constexpr Micros kMinute = 60LL * 1'000'000;
constexpr Micros kHour = 60 * kMinute;
constexpr Micros kDay = 24 * kHour;

// Opened eight months before loading: long enough for loans to come back
// and for an initiative to get half way, after the civic space (ten).
constexpr int kFoundedDaysAgo = 240;
// Everyone has joined by then, so every act below is by a member.
constexpr int kJoinedWithinDays = 20;
// Of Lombok's own community and of the others, the shares that join; a
// neighbourhood exchange stays the size of a street's worth of people.
constexpr double kLocalShare = 0.8;
constexpr double kVisitorShare = 0.25;
constexpr size_t kMembersAtMost = 90;
constexpr size_t kMembersAtLeast = 12;

// Places in Lombok, Utrecht (WGS 84), as in the civic part.
struct Spot {
  double lat = 0, lon = 0;
  std::string_view address;
};
constexpr std::array<Spot, 8> kSpots = {{
    {52.09085, 5.10120, "Kanaalstraat, 3531 Utrecht"},
    {52.09130, 5.10460, "Moskeeplein, 3531 Utrecht"},
    {52.09270, 5.10050, "Vleutenseweg, 3532 Utrecht"},
    {52.08985, 5.10300, "Damstraat, 3531 Utrecht"},
    {52.09030, 5.09800, "Jan Pieterszoon Coenstraat, 3531 Utrecht"},
    {52.08890, 5.09900, "Bankaplein, 3531 Utrecht"},
    {52.09190, 5.09650, "Cornelis Evertsenstraat, 3531 Utrecht"},
    {52.08820, 5.10450, "Leidsekade, 3531 Utrecht"},
}};
constexpr size_t kBuurthuis = 3;  // Damstraat
constexpr size_t kBankaplein = 5;

constexpr int kNoTime = -10000;

// A request for one of the members' skills; `{skill}` is filled in.
struct RequestScript {
  std::string_view title;
  std::string_view body;
  int days_ago = 0;
  std::string_view status;
  int starts_in_days = kNoTime;  // relative to now; kNoTime: no time given
  int hours = 0;
  size_t spot = 0;
};
constexpr std::array<RequestScript, 5> kRequests = {{
    {"Help with {skill} this Saturday",
     "Could someone spare an hour or two for {skill}? I will make coffee. #buurtruil", 3, "open", 4,
     2, 0},
    {"Looking for a neighbour who knows {skill}",
     "I am stuck and would love to learn from someone nearby. Any evening works. #buurtruil", 6,
     "open", kNoTime, 0, 4},
    {"An afternoon of {skill} for our elderly neighbour",
     "Our neighbour on the corner needs a hand with {skill}; two of us cannot do it alone.", 9,
     "matched", 2, 3, 6},
    {"A hand with {skill}?",
     "Is there anyone who could help me with {skill}? Happy to return the favour. #buurtruil", 40,
     "done", -33, 2, 2},
    {"Who can help with {skill} before the holidays?",
     "It would be great to get this done before the family visits.", 70, "cancelled", -50, 2, 7},
}};

// Things to lend, each with its loans (days before now; -1: not yet).
struct LoanScript {
  int reserved_days_ago = -1;
  int lent_days_ago = -1;
  int due_days_ago = -1;  // negative: due in that many days
  int returned_days_ago = -1;
};
constexpr int kNotReturned = -1;
struct LendScript {
  std::string_view title;
  std::string_view body;
  int days_ago = 0;
  std::string_view status;  // what the last loan left
  std::array<LoanScript, 2> loans{};
  size_t spot = 0;
};
constexpr std::array<LendScript, 5> kLends = {{
    {"Aluminium ladder, 3 metres, to lend",
     "A sturdy ladder for painting or gutters. Collect it at mine, bring it back within two "
     "weeks. #lenen",
     60,
     "lent",
     {{{22, 21, 7, kNotReturned}, {}}},
     4},
    {"Cordless drill with a box of bits",
     "For shelves, curtain rails and flat-pack furniture. Batteries charged. #lenen",
     50,
     "lent",
     {{{30, 29, 22, 23}, {3, 2, -5, kNotReturned}}},
     0},
    {"Cargo bike for a day",
     "Moving boxes or taking the kids out? Borrow our bakfiets. #lenen",
     35,
     "reserved",
     {{{0, -1, -1, kNotReturned}, {}}},
     6},
    {"Pressure washer",
     "Cleans paving and garden furniture. Water hose not included. #lenen",
     80,
     "available",
     {{{45, 44, 37, 38}, {20, 19, 12, 13}}},
     2},
    {"Party tent, 3 by 6 metres",
     "For a street party or a birthday in the garden; two people put it up in half an hour.",
     40,
     "returned",
     {{{17, 16, 9, 9}, {}}},
     7},
}};

// An event; `going` is how many answer at most, capacity 0 none.
struct EventScript {
  std::string_view title;
  std::string_view body;
  int starts_in_days = 0;  // negative: past
  int start_hour = 0;
  int hours = 0;
  std::int64_t capacity = 0;
  size_t going = 0;
  size_t waitlisted = 0;
  double checked_in = 0;  // the share of going members checked in, at past events
  size_t organisers = 0;
  size_t spot = 0;
};
constexpr std::array<EventScript, 4> kEvents = {{
    {"Repair café in the buurthuis",
     "Bring what is broken: bikes, lamps, clothes, toasters. Volunteers fix it with you. #repair",
     -9, 13, 3, 10, 14, 3, 0.8, 1, kBuurthuis},
    {"Clean-up walk along the Kanaalstraat",
     "Grabbers, gloves and bags are there; we end with soup at the buurthuis.", -38, 10, 2, 0, 14,
     0, 0.7, 0, 0},
    {"Plant swap on the Moskeeplein",
     "Cuttings, seedlings and pots: bring some, take some. Tea from the mosque's volunteers.", 5,
     11, 3, 25, 12, 0, 0, 1, 1},
    {"Neighbourhood dinner at the buurthuis",
     "Everyone cooks one dish from home; we eat together at long tables. Places are few.", 11, 18,
     3, 8, 12, 2, 0, 2, kBuurthuis},
}};

constexpr std::array<std::string_view, 4> kTimeNotes = {
    "Two Saturdays of digging", "An afternoon with the kids' club", "Planting day", ""};
constexpr std::array<std::string_view, 3> kItemNotes = {"From my shed",
                                                        "Borrowed from work, keep them", ""};

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  Micros within(Micros span) {
    return span <= 0 ? 0 : static_cast<Micros>(unit() * static_cast<double>(span));
  }

 private:
  std::mt19937_64 engine_;
};

bool well_connected(const DemoMember& m) {
  return m.position == DemoPosition::kEmbedded || m.position == DemoPosition::kBridge;
}

[[noreturn]] void plan_error(const std::string& what) {
  throw std::logic_error("demo exchange plan: " + what);
}

std::string with_skill(std::string_view pattern, const std::string& skill) {
  std::string out(pattern);
  constexpr std::string_view kKey = "{skill}";
  for (size_t pos; (pos = out.find(kKey)) != std::string::npos;)
    out.replace(pos, kKey.size(), skill);
  return out;
}

class Planner {
 public:
  Planner(const std::vector<DemoMember>& members, Micros now, std::uint64_t seed)
      : members_(members), now_(now), draws_(seed) {}

  std::optional<ExchangePlan> plan() {
    plan_.founded = now_ - kFoundedDaysAgo * kDay;
    for (size_t i = 2; i < members_.size() && people_.size() < kMembersAtMost; ++i) {
      const DemoMember& m = members_[i];
      if (!well_connected(m) || m.joined_at > plan_.founded - 7 * kDay) continue;
      if (draws_.unit() >= (m.community == 0 ? kLocalShare : kVisitorShare)) continue;
      people_.push_back(m);
    }
    if (people_.size() < kMembersAtLeast) return std::nullopt;
    for (const auto& m : people_) {
      if (!helper_of_.contains(m.first_skill)) {
        helper_of_[m.first_skill] = m.id;
        skills_.push_back(m.first_skill);
      }
    }
    if (skills_.size() < 3) return std::nullopt;
    for (size_t k = 0; k < people_.size(); ++k) {
      Micros since =
          k == 0 ? plan_.founded : plan_.founded + draws_.within(kJoinedWithinDays * kDay);
      plan_.members.push_back(
          {people_[k].id,
           k == 0 ? SpaceRole::kOwner : (k == 1 ? SpaceRole::kModerator : SpaceRole::kMember),
           since});
    }
    plan_.space.name = "Buurtruil Lombok";
    plan_.space.kind = SpaceKind::kNeighbourhood;
    plan_.space.visibility = SpaceVisibility::kOpen;
    plan_.space.description =
        "Lombok's neighbourhood exchange: ask for a hand, offer yours, lend and give things, start "
        "something together and meet at the buurthuis. / De buurtruil van Lombok: vragen, "
        "aanbieden, lenen, samen iets opzetten.";
    plan_.space.created_by = people_.front().id;
    requests_and_help();
    lending();
    initiatives();
    events();
    check();
    return std::move(plan_);
  }

 private:
  MemberId anyone_but(const std::vector<MemberId>& not_these) {
    for (int tries = 0; tries < 1000; ++tries) {
      MemberId id = people_[draws_.below(people_.size())].id;
      if (std::find(not_these.begin(), not_these.end(), id) == not_these.end()) return id;
    }
    plan_error("too few members to choose from");
  }

  // Distinct members, none of `not_these`, at most `count`, in draw order.
  std::vector<MemberId> some(size_t count, const std::vector<MemberId>& not_these) {
    std::vector<MemberId> pool;
    for (const auto& m : people_) {
      if (std::find(not_these.begin(), not_these.end(), m.id) == not_these.end())
        pool.push_back(m.id);
    }
    for (size_t k = 0; k < pool.size(); ++k) {
      std::swap(pool[k], pool[k + draws_.below(pool.size() - k)]);
    }
    pool.resize(std::min(count, pool.size()));
    return pool;
  }

  size_t add_item(std::string_view kind, std::string title, std::string body, MemberId author,
                  Micros created_at, size_t spot) {
    Item item;
    item.kind = std::string(kind);
    item.status = std::string(find_item_kind(kind)->initial_status);
    item.visibility = ItemVisibility::kPublic;
    item.title = std::move(title);
    item.body = std::move(body);
    auto rendered = render_markdown(item.body);
    if (!rendered) plan_error(item.title + ": " + rendered.error().message);
    item.html = rendered->html;
    item.tags = rendered->tags;
    // A few dozen metres around the spot, so that markers do not stack.
    const Spot& s = kSpots[spot % kSpots.size()];
    item.location = ItemLocation{s.lat + (draws_.unit() - 0.5) * 0.0008,
                                 s.lon + (draws_.unit() - 0.5) * 0.0012, std::string(s.address)};
    item.author_id = author;
    item.created_at = std::min(created_at, now_ - 1);
    plan_.items.push_back(std::move(item));
    return plan_.items.size() - 1;
  }

  Micros days_ago(int days) const { return now_ - days * kDay; }

  // Requests for the members' skills, and the help offered by a member
  // with that skill near it; the done one with the helper's hours
  // confirmed by the asker, the matched one with them pledged.
  void requests_and_help() {
    for (size_t k = 0; k < kRequests.size(); ++k) {
      const RequestScript& s = kRequests[k];
      const std::string& skill = skills_[k % skills_.size()];
      MemberId helper = helper_of_.at(skill);
      MemberId author = anyone_but({helper});
      Micros created = days_ago(s.days_ago) + 9 * kHour + draws_.within(8 * kHour);
      size_t i = add_item("request", with_skill(s.title, skill), with_skill(s.body, skill), author,
                          created, s.spot);
      Item& item = plan_.items[i];
      item.status = std::string(s.status);
      item.skills = {skill};
      if (s.starts_in_days != kNoTime) {
        item.starts_at = now_ + s.starts_in_days * kDay + 10 * kHour - (now_ % kDay);
        item.ends_at = *item.starts_at + s.hours * kHour;
      }
      if (s.status == "done" || s.status == "matched") {
        store::ContributionRow c;
        c.giver_id = helper;
        c.receiver_id = author;
        c.kind = "time";
        c.amount = s.hours;
        c.note = "Glad to help";
        c.created_at = item.created_at + kHour + draws_.within(kDay);
        c.status = "pledged";
        if (s.status == "done") {
          c.status = "confirmed";
          c.delivered_at = *item.ends_at;
          c.decided_at = *item.ends_at + 3 * kHour + draws_.within(kDay);
          c.decided_by = author;
        }
        plan_.contributions.push_back({i, c});
      }
    }
    // Help on offer for the first skills asked for, by the members who
    // have them; two of the offers expire in a month or two.
    for (size_t k = 0; k < std::min<size_t>(3, skills_.size()); ++k) {
      const std::string& skill = skills_[k];
      size_t i = add_item("offer", "An hour of " + skill + " a week",
                          "I am happy to help neighbours with " + skill +
                              ". Ask me here and we will find a time. #buurtruil",
                          helper_of_.at(skill), days_ago(20 + 5 * static_cast<int>(k)) + 11 * kHour,
                          kRequests[k].spot + 1);
      Item& item = plan_.items[i];
      item.offer_mode = "help";
      item.skills = {skill};
      if (k < 2) item.expires_at = now_ + (30 + 30 * static_cast<int>(k)) * kDay;
    }
  }

  void lending() {
    std::vector<MemberId> borrowers_so_far;
    for (const LendScript& s : kLends) {
      MemberId lender = anyone_but({});
      size_t i = add_item("offer", std::string(s.title), std::string(s.body), lender,
                          days_ago(s.days_ago) + 8 * kHour + draws_.within(10 * kHour), s.spot);
      Item& item = plan_.items[i];
      item.offer_mode = "lend";
      item.status = std::string(s.status);
      for (const LoanScript& l : s.loans) {
        if (l.reserved_days_ago < 0) continue;
        // One borrower per loan, none twice: the overdue one may borrow
        // nothing else.
        std::vector<MemberId> not_these = borrowers_so_far;
        not_these.push_back(lender);
        store::LoanRow row;
        row.borrower_id = anyone_but(not_these);
        borrowers_so_far.push_back(row.borrower_id);
        row.reserved_at = l.reserved_days_ago == 0 ? now_ - 6 * kHour
                                                   : days_ago(l.reserved_days_ago) + 10 * kHour;
        if (l.lent_days_ago >= 0) {
          row.lent_at = days_ago(l.lent_days_ago) + 17 * kHour;
          row.due_at = days_ago(l.due_days_ago) + 20 * kHour;
        }
        if (l.returned_days_ago >= 0) row.returned_at = days_ago(l.returned_days_ago) + 19 * kHour;
        plan_.loans.push_back({i, row});
      }
    }
    // Something to give away, gone in ten days.
    size_t i = add_item("offer", "Tomato and courgette seedlings to give away",
                        "Too many seedlings again this spring. Take a tray for your balcony. "
                        "#geven",
                        anyone_but({}), days_ago(4) + 9 * kHour, kBankaplein);
    plan_.items[i].offer_mode = "give";
    plan_.items[i].expires_at = now_ + 10 * kDay;
  }

  MemberId organiser_of(size_t item, const std::vector<MemberId>& co) {
    size_t pick = draws_.below(co.size() + 1);
    return pick == co.size() ? plan_.items[item].author_id : co[pick];
  }

  std::vector<MemberId> add_organisers(size_t item, size_t count) {
    const Item& it = plan_.items[item];
    std::vector<MemberId> co = some(count, {it.author_id});
    for (MemberId m : co) {
      plan_.organisers.push_back({item, {0, m, it.created_at + kHour + draws_.within(2 * kDay)}});
    }
    return co;
  }

  // One underway (its organisers started it; no minimum), part way to its
  // goals; one open with a deadline and a minimum, pledges only.
  void initiatives() {
    size_t forest = add_item(
        "initiative", "A tiny forest on the Bankaplein",
        "Six hundred native trees on 200 m\xc2\xb2 of paving, planted with the school next door. "
        "We need hands for digging and planting, money for the trees and soil, and spades. "
        "#tinyforest #groen",
        people_[1].id, days_ago(70) + 10 * kHour, kBankaplein);
    Item& f = plan_.items[forest];
    f.status = "underway";
    f.goals = {{"time", 120, ""}, {"money", 250'000, ""}, {"item", 12, "spades"}};
    f.deadline = now_ + 40 * kDay;
    std::vector<MemberId> co = add_organisers(forest, 2);
    std::vector<MemberId> organisers = co;
    organisers.push_back(f.author_id);
    std::array<std::int64_t, 3> held{};  // pledged, delivered or confirmed, per goal
    for (int t = 0; t < 30; ++t) {
      const size_t goal = static_cast<size_t>(t) % f.goals.size();
      const ItemGoal& g = f.goals[goal];
      store::ContributionRow c;
      c.giver_id = anyone_but(organisers);
      c.receiver_id = f.author_id;
      c.kind = g.kind;
      c.goal_position = static_cast<std::int64_t>(goal);
      if (g.kind == "time") {
        c.amount = 2 + static_cast<std::int64_t>(draws_.below(7));
        c.note = std::string(kTimeNotes[draws_.below(kTimeNotes.size())]);
      } else if (g.kind == "money") {
        c.amount = 500 * (5 + static_cast<std::int64_t>(draws_.below(46)));
      } else {
        c.amount = 1 + static_cast<std::int64_t>(draws_.below(2));
        c.note = std::string(kItemNotes[draws_.below(kItemNotes.size())]);
      }
      // Part way: at most three quarters of any goal held.
      if (4 * (held[goal] + c.amount) > 3 * g.target) continue;
      c.created_at = f.created_at + 2 * kDay + draws_.within(now_ - f.created_at - 3 * kDay);
      const double draw = draws_.unit();
      // The first of each goal confirmed, one declined, the rest drawn.
      c.status =
          t < 3 ? "confirmed"
                : (t == 7 ? "declined"
                          : (draw < 0.4 ? "confirmed" : (draw < 0.55 ? "delivered" : "pledged")));
      if (c.status != "pledged") {
        c.delivered_at = c.created_at + kHour + draws_.within(7 * kDay);
        if (c.status != "delivered") {
          c.decided_at = *c.delivered_at + kHour + draws_.within(2 * kDay);
          c.decided_by = organiser_of(forest, co);
        }
        // Nothing after now: what would have been decided later is
        // delivered still, what would have been delivered later pledged.
        if (c.decided_at && *c.decided_at >= now_) {
          c.status = "delivered";
          c.decided_at.reset();
          c.decided_by.reset();
        }
        if (*c.delivered_at >= now_) {
          c.status = "pledged";
          c.delivered_at.reset();
        }
      }
      if (c.status != "declined") held[goal] += c.amount;
      plan_.contributions.push_back({forest, c});
    }

    size_t solar = add_item(
        "initiative", "Solar panels on the buurthuis roof",
        "Forty panels on the flat roof, paid for by neighbours and run by a cooperative. If half "
        "of the money and the hours are pledged by the deadline, we go ahead; otherwise nobody "
        "pays. #energie",
        anyone_but({f.author_id}), days_ago(12) + 19 * kHour, kBuurthuis);
    Item& s = plan_.items[solar];
    s.goals = {{"money", 1'200'000, ""}, {"time", 40, ""}};
    s.deadline = now_ + 60 * kDay;
    s.minimum = 50;
    add_organisers(solar, 1);
    for (int t = 0; t < 8; ++t) {
      const size_t goal = t % 4 == 3 ? 1 : 0;
      store::ContributionRow c;
      c.giver_id = anyone_but({s.author_id});
      c.receiver_id = s.author_id;
      c.kind = s.goals[goal].kind;
      c.goal_position = static_cast<std::int64_t>(goal);
      c.amount = goal == 0 ? 2'500 * (2 + static_cast<std::int64_t>(draws_.below(19)))
                           : 2 + static_cast<std::int64_t>(draws_.below(5));
      c.status = "pledged";
      c.created_at = s.created_at + kHour + draws_.within(now_ - s.created_at - 2 * kHour);
      plan_.contributions.push_back({solar, c});
    }
  }

  // RSVPs in the order members answered: going while the places (1 +
  // guests) fit, waitlisted once the event is full; check-ins at past
  // events.
  void events() {
    for (const EventScript& s : kEvents) {
      const Micros starts = now_ - (now_ % kDay) + s.starts_in_days * kDay + s.start_hour * kHour;
      const Micros created = s.starts_in_days < 0 ? starts - 30 * kDay : days_ago(10) + 15 * kHour;
      size_t i = add_item("event", std::string(s.title), std::string(s.body), anyone_but({}),
                          created, s.spot);
      Item& e = plan_.items[i];
      e.starts_at = starts;
      e.ends_at = starts + s.hours * kHour;
      if (s.capacity > 0) e.capacity = s.capacity;
      std::vector<MemberId> hosts = add_organisers(i, s.organisers);
      hosts.push_back(e.author_id);
      const Micros answers_until = std::min(now_, starts) - kHour;
      std::vector<store::RsvpRow> rows;
      for (MemberId m : some(s.going + s.waitlisted, hosts)) {
        store::RsvpRow r;
        r.member_id = m;
        r.guests = draws_.below(4) == 0 ? 1 : 0;
        r.responded_at = e.created_at + kHour + draws_.within(answers_until - e.created_at - kHour);
        rows.push_back(r);
      }
      std::sort(rows.begin(), rows.end(), [](const store::RsvpRow& a, const store::RsvpRow& b) {
        return a.responded_at < b.responded_at;
      });
      std::int64_t places = 0;
      size_t waiting = 0;
      std::int64_t position = 0;
      for (auto& r : rows) {
        // The last place goes to one who comes alone then, so that the
        // waiting starts at a full event.
        if (e.capacity && places + 1 + r.guests > *e.capacity && places + 1 <= *e.capacity) {
          r.guests = 0;
        }
        if (waiting == 0 && (!e.capacity || places + 1 + r.guests <= *e.capacity)) {
          r.state = "going";
          places += 1 + r.guests;
          if (s.starts_in_days < 0 && draws_.unit() < s.checked_in) {
            r.checked_in_at = starts - 10 * kMinute + draws_.within(50 * kMinute);
          }
        } else if (waiting < s.waitlisted) {
          r.state = "waitlisted";
          ++waiting;
        } else {
          continue;
        }
        r.position = ++position;
        plan_.rsvps.push_back({i, r});
      }
    }
  }

  // The promises of demo_exchange.h, checked on the plan.
  void check() const {
    std::map<size_t, std::int64_t> going;
    for (const auto& [i, r] : plan_.rsvps) {
      const Item& e = plan_.items[i];
      if (r.state == "going") going[i] += 1 + r.guests;
      if (e.capacity && going[i] > *e.capacity) plan_error(e.title + " is overbooked");
      if (r.checked_in_at && (r.state != "going" || *r.checked_in_at > now_))
        plan_error(e.title + ": a check-in out of place");
    }
    for (const auto& [i, c] : plan_.contributions) {
      const Item& it = plan_.items[i];
      if (!find_item_kind(it.kind)->takes_contributions) plan_error(it.title + " takes none");
      bool decided = c.status == "confirmed" || c.status == "declined";
      if (decided != (c.decided_at.has_value() && c.decided_by.has_value()) ||
          c.decided_by == c.giver_id || c.amount <= 0 || c.created_at > now_ ||
          (c.decided_at && *c.decided_at > now_)) {
        plan_error(it.title + ": a contribution out of order");
      }
    }
    for (const auto& [i, r] : plan_.rsvps) {
      const Item& e = plan_.items[i];
      if (r.state == "waitlisted" && (!e.capacity || going[i] != *e.capacity))
        plan_error(e.title + ": a waitlist at an event that is not full");
    }
    std::map<size_t, int> open_loans;
    for (const auto& [i, l] : plan_.loans) {
      if (!l.returned_at) ++open_loans[i];
      if (l.returned_at && (!l.lent_at || *l.returned_at <= *l.lent_at || *l.returned_at > now_))
        plan_error(plan_.items[i].title + ": a return out of order");
    }
    for (size_t i = 0; i < plan_.items.size(); ++i) {
      const Item& it = plan_.items[i];
      if (!find_item_kind(it.kind)->has_status(it.status))
        plan_error(it.title + ": no status " + it.status);
      if (it.created_at <= plan_.founded + kJoinedWithinDays * kDay || it.created_at > now_)
        plan_error(it.title + ": written out of time");
      if (it.kind != "offer") continue;
      const bool held = it.status == "reserved" || it.status == "lent";
      if (open_loans[i] != (held ? 1 : 0)) plan_error(it.title + ": its loans and status disagree");
    }
    for (const auto& [i, l] : plan_.loans) {
      const bool open = !l.returned_at;
      if (open && plan_.items[i].status != (l.lent_at ? "lent" : "reserved"))
        plan_error(plan_.items[i].title + ": its open loan and status disagree");
    }
  }

  const std::vector<DemoMember>& members_;
  Micros now_;
  Draws draws_;
  ExchangePlan plan_;
  std::vector<DemoMember> people_;   // the space's members, in joining order
  std::vector<std::string> skills_;  // their first skills, each once
  std::map<std::string, MemberId> helper_of_;
};

template <typename Row>
void by_time(std::vector<ItemRow<Row>>& rows, Micros Row::*at) {
  std::stable_sort(rows.begin(), rows.end(), [at](const ItemRow<Row>& a, const ItemRow<Row>& b) {
    return a.row.*at < b.row.*at;
  });
}

}  // namespace

std::optional<ExchangePlan> plan_exchange(const std::vector<DemoMember>& members, Micros now,
                                          std::uint64_t seed) {
  return Planner(members, now, seed).plan();
}

ExchangeSummary write_exchange_rows(store::Connection& conn, const ExchangePlan& plan) {
  ExchangeSummary summary;
  summary.slug = plan.space.slug;
  for (const auto& item : plan.items) {
    if (item.kind == "request") ++summary.requests;
    if (item.kind == "offer") ++summary.offers;
    if (item.kind == "initiative") ++summary.initiatives;
    if (item.kind == "event") ++summary.events;
  }
  store::DemoExchangeRows rows(conn);
  auto organisers = plan.organisers;
  by_time(organisers, &store::OrganiserRow::added_at);
  for (auto [i, row] : organisers) {
    row.item_id = plan.items[i].id;
    rows.add_organiser(row);
  }
  auto contributions = plan.contributions;
  by_time(contributions, &store::ContributionRow::created_at);
  for (auto [i, row] : contributions) {
    row.item_id = plan.items[i].id;
    rows.add_contribution(row);
    ++summary.contributions;
  }
  auto rsvps = plan.rsvps;
  by_time(rsvps, &store::RsvpRow::responded_at);
  for (auto [i, row] : rsvps) {
    row.item_id = plan.items[i].id;
    rows.add_rsvp(row);
    ++summary.rsvps;
  }
  auto loans = plan.loans;
  by_time(loans, &store::LoanRow::reserved_at);
  for (auto [i, row] : loans) {
    row.item_id = plan.items[i].id;
    rows.add_loan(row);
    ++summary.loans;
  }
  return summary;
}

}  // namespace kring::social::demo
