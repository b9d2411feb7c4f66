#include "social/demo/demo_civic.h"

#include <algorithm>
#include <array>
#include <random>
#include <span>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include "core/kinds.h"
#include "social/audiences.h"
#include "social/markdown.h"
#include "store/duplicate_repository.h"
#include "store/follow_up_repository.h"
#include "store/item_repository.h"
#include "store/notification_repository.h"
#include "store/status_change_repository.h"
#include "store/vote_repository.h"

namespace kring::social::demo {

namespace {

constexpr Micros kHour = 3'600LL * 1'000'000;
constexpr Micros kDay = 24 * kHour;

// The space opened ten months before the demo is loaded: long enough for
// ideas to go from open to done, short enough that the area team joined
// a network that already had people in it.
constexpr int kFoundedDaysAgo = 300;
// Of the members whose home community is Lombok's (community 0, the first
// place of the vocabulary), and of the others (who shop, work or go to
// the mosque there), the shares that join; in a large demo fewer, so the
// space stays about the size of a neighbourhood (Lombok has some 12,000
// residents) and its votes the size of a neighbourhood's.
constexpr double kLocalShare = 0.6;
constexpr double kVisitorShare = 0.18;
constexpr double kLocalsAtMost = 3000;
constexpr double kVisitorsAtMost = 3000;

// As FollowUps::answer writes the reopen move of a "no".
constexpr std::string_view kNotFixedNote = "Not fixed yet, says the reporter.";

// A move of the script: `day` days after the item was written.
struct ScriptedMove {
  std::string_view status;
  int day = 0;
  std::string_view note;
};

// Where an idea's votes come from: any of the space's members, or the
// well-connected members of one community (a cluster pushing its idea).
enum class Support : std::uint8_t { kWide, kCluster };

struct IdeaScript {
  std::string_view title;
  std::string_view body;
  std::string_view category;  // "" none
  double lat = 0, lon = 0;    // 0, 0: no place
  std::string_view address;
  int days_ago = 0;
  Support support = Support::kWide;
  double share = 0;           // of the eligible members who vote
  std::uint32_t cluster = 0;  // the community, for kCluster (wraps to community 0)
  std::array<ScriptedMove, 3> moves{};
};

// The reporter's answer to "is it fixed?", when asked.
enum class Answer : std::uint8_t { kNotYet, kFixed, kNotFixed };

struct ReportScript {
  std::string_view title;
  std::string_view body;
  std::string_view category;
  double lat = 0, lon = 0;
  std::string_view address;
  int days_ago = 0;
  std::array<ScriptedMove, 4> moves{};
  int duplicate_of = -1;  // index into kReports of the original
  Answer answer = Answer::kFixed;
};

// Lombok lies west of Utrecht Centraal between the Vleutenseweg (north)
// and the Leidse Rijn (south), the Kanaalstraat through its middle, the
// Ulu mosque on the Moskeeplein at its head; coordinates are WGS 84.
constexpr std::array<IdeaScript, 13> kIdeas = {{
    {.title = "Geveltuinen along the Kanaalstraat",
     .body = "Let's take out one row of tiles along the house fronts and plant facade gardens "
             "(geveltuinen): hollyhocks, climbing roses, grasses. Cooler in summer, good for bees, "
             "and the street looks loved. Neighbours adopt their own strip. #geveltuin #groen",
     .category = "greenery",
     .lat = 52.09085,
     .lon = 5.10120,
     .address = "Kanaalstraat, 3531 Utrecht",
     .days_ago = 250,
     .support = Support::kWide,
     .share = 0.30,
     .moves = {{{"under_review", 30,
                 "A good one: we are checking the pavement width with the "
                 "shop owners' association and the cables underground."},
                {"accepted", 58,
                 "Accepted. The municipality takes out the tiles and brings "
                 "plants and soil; residents adopt a strip and water it."},
                {"done", 150,
                 "Done: fourteen geveltuinen were planted on the spring planting "
                 "day. Thanks to everyone who came with a spade."}}}},
    {.title = "A bench on the Moskeeplein",
     .body = "There is nowhere to sit on the Moskeeplein. Older people waiting after Friday "
             "prayers, parents with buggies and people with their shopping from the Kanaalstraat "
             "would all use a bench or two in the shade.",
     .category = "other",
     .lat = 52.09130,
     .lon = 5.10460,
     .address = "Moskeeplein, 3531 Utrecht",
     .days_ago = 210,
     .support = Support::kWide,
     .share = 0.22,
     .moves = {{{"under_review", 18,
                 "We are talking with the mosque's board about the best "
                 "spot."},
                {"accepted", 40, "Accepted: two benches, one under the plane trees."},
                {"done", 95, "The benches are in. Enjoy the square!"}}}},
    {.title = "Car-free Saturdays on the Kanaalstraat market",
     .body = "On Saturdays the Kanaalstraat is full of people shopping and cars trying to get "
             "through. Close it to cars from 10 to 17 on Saturdays and let the market breathe. "
             "#autovrij",
     .category = "traffic",
     .lat = 52.09060,
     .lon = 5.10200,
     .address = "Kanaalstraat, 3531 Utrecht",
     .days_ago = 170,
     .support = Support::kWide,
     .share = 0.35,
     .moves = {{{"under_review", 28,
                 "Many of you support this. We asked the shop owners and "
                 "the suppliers what it would mean for them."},
                {"declined", 70,
                 "Declined for now: suppliers have to load on Saturday "
                 "mornings and the buses need the street. We will try a "
                 "car-free Sunday afternoon in the summer instead."}}}},
    {.title = "Covered bike parking on the Lombok side of the station",
     .body = "Coming from Lombok you reach Utrecht Centraal at the Jaarbeurs side, where every "
             "rack is full by eight. A covered, guarded bike park at the end of the Vleutenseweg "
             "would save us the detour to the Stationsplein.",
     .category = "traffic",
     .lat = 52.09110,
     .lon = 5.10680,
     .address = "Vleutenseweg / Leidse Rijn, 3531 Utrecht",
     .days_ago = 125,
     .support = Support::kWide,
     .share = 0.28,
     .moves = {{{"under_review", 21, "We took this to the station area team."},
                {"accepted", 52,
                 "Accepted: 400 covered places come with the works at the "
                 "Jaarbeurs side in 2027."}}}},
    {.title = "Buurtbieb op het Bankaplein",
     .body = "A little free library (buurtbieb) on the Bankaplein: a weatherproof cabinet where "
             "anyone can bring a book and take one. Books in Dutch, Turkish, Arabic, English... "
             "I will look after it. #buurtbieb",
     .category = "other",
     .lat = 52.08935,
     .lon = 5.09880,
     .address = "Bankaplein, 3531 Utrecht",
     .days_ago = 45,
     .support = Support::kWide,
     .share = 0.16},
    {.title = "Renovate the Bankaplein playground",
     .body = "The climbing frame on the Bankaplein is from the nineties, the sandpit is more "
             "cat litter than sand and there is nothing for children under four. Can the "
             "playground be renewed, with the children helping to design it?",
     .category = "play",
     .lat = 52.08920,
     .lon = 5.09850,
     .address = "Bankaplein, 3531 Utrecht",
     .days_ago = 90,
     .support = Support::kWide,
     .share = 0.20,
     .moves = {{{"under_review", 24,
                 "On the list for the 2027 playground budget. We will "
                 "invite parents and children to a design evening."}}}},
    {.title = "Parking permits for Lombok residents only",
     .body = "Visitors to the Kanaalstraat take every parking place in our street. Make "
             "Lombok-West permit-only for residents, with visitor hours for family.",
     .category = "traffic",
     .days_ago = 70,
     .support = Support::kCluster,
     .share = 0.75,
     .cluster = 0},
    {.title = "Trees along the Vleutenseweg",
     .body = "The Vleutenseweg is a hot, grey road between the houses. There is room for a row "
             "of trees on the north side where the old parking strip was. #groen",
     .category = "greenery",
     .lat = 52.09300,
     .lon = 5.09900,
     .address = "Vleutenseweg, 3532 Utrecht",
     .days_ago = 32,
     .support = Support::kWide,
     .share = 0.14},
    {.title = "A drinking water tap by Molen De Ster",
     .body = "Runners, children from the playground and everyone picnicking by the mill would "
             "love a water tap in the Molenpark.",
     .category = "other",
     .lat = 52.08840,
     .lon = 5.09380,
     .address = "Molenpark, by Molen De Ster, 3531 Utrecht",
     .days_ago = 14,
     .support = Support::kWide,
     .share = 0.06},
    {.title = "Zebra crossing at the J.P. Coenstraat school",
     .body = "Children cross the J.P. Coenstraat to school every morning between parked vans. "
             "A zebra crossing would make drivers stop.",
     .category = "safety",
     .lat = 52.09020,
     .lon = 5.09830,
     .address = "J.P. Coenstraat, 3531 Utrecht",
     .days_ago = 140,
     .support = Support::kWide,
     .share = 0.18,
     .moves = {{{"under_review", 12,
                 "We asked the traffic team to count cars and children "
                 "here in the morning."},
                {"declined", 45,
                 "A zebra crossing does not fit a 30 km/h street, so we will "
                 "raise the crossing and paint it red instead; it is planned "
                 "with the summer road works."}}}},
    {.title = "A monthly repair café in the buurthuis",
     .body = "Once a month, bring your broken toaster, bike light or torn jacket to the "
             "buurthuis and fix it together with neighbours who know how. We have volunteers; "
             "we need the room. #repaircafe",
     .category = "other",
     .days_ago = 20,
     .support = Support::kCluster,
     .share = 0.7,
     .cluster = 1},
    {.title = "Lights along the Leidseweg towpath",
     .body = "The towpath along the Leidse Rijn is pitch dark after six in winter. Low lights "
             "that do not bother the bats would make it safe to walk and cycle.",
     .category = "lighting",
     .lat = 52.08800,
     .lon = 5.09900,
     .address = "Leidseweg, 3531 Utrecht",
     .days_ago = 100,
     .support = Support::kWide,
     .share = 0.24,
     .moves = {{{"under_review", 15,
                 "We are checking with the ecologist which lights suit "
                 "the bats along the water."},
                {"accepted", 44,
                 "Accepted: bat-friendly amber lights from the Lombokbrug to "
                 "the mill, this winter."}}}},
    {.title = "Container garden on the Billitonkade",
     .body = "The wide pavement on the Billitonkade could hold a row of big planters with "
             "herbs and vegetables, looked after by the neighbours. #moestuin",
     .category = "greenery",
     .lat = 52.08890,
     .lon = 5.10330,
     .address = "Billitonkade, 3531 Utrecht",
     .days_ago = 55,
     .support = Support::kCluster,
     .share = 0.65,
     .cluster = 3},
}};

constexpr std::array<ReportScript, 18> kReports = {{
    // 0
    {.title = "Loose paving stones in front of Kanaalstraat 112",
     .body = "Three stones are loose and one sticks out; an older lady tripped over it "
             "yesterday.",
     .category = "pavement",
     .lat = 52.09068,
     .lon = 5.10180,
     .address = "Kanaalstraat 112, 3531 Utrecht",
     .days_ago = 60,
     .moves = {{{"acknowledged", 1, "Thanks for reporting; the street team will have a look."},
                {"in_progress", 5, "Planned for next week."},
                {"solved", 12, "The stones were re-laid on Tuesday."}}}},
    // 1: solved, then reopened by the reporter's "no"
    {.title = "Streetlight out on the corner of the Damstraat",
     .body = "The lamp post on the corner of the Damstraat and the Kanaalstraat has been dark "
             "for a week. It is a dark corner at night.",
     .category = "lighting",
     .lat = 52.08975,
     .lon = 5.10305,
     .address = "Damstraat 24, 3531 Utrecht",
     .days_ago = 40,
     .moves = {{{"acknowledged", 2, "Passed on to the lighting contractor."},
                {"in_progress", 6, "The contractor comes this week."},
                {"solved", 11, "The lamp has been replaced."}}},
     .answer = Answer::kNotFixed},
    // 2: solved, asked, not answered yet
    {.title = "Overflowing underground container on the Bankaplein",
     .body = "The rubbish container on the Bankaplein is full and bags are piling up next to "
             "it. The seagulls are having a party.",
     .category = "waste",
     .lat = 52.08940,
     .lon = 5.09890,
     .address = "Bankaplein, 3531 Utrecht",
     .days_ago = 16,
     .moves = {{{"acknowledged", 1, "Thanks, we have told the waste collection."},
                {"in_progress", 2, "An extra round is planned for tomorrow."},
                {"solved", 5, "Emptied, and the bags around it cleared."}}},
     .answer = Answer::kNotYet},
    // 3
    {.title = "Pothole in the cycle lane on the Vleutenseweg",
     .body = "A deep hole in the cycle lane just west of the Lombokstraat; in the dark you ride "
             "straight into it.",
     .category = "road",
     .lat = 52.09295,
     .lon = 5.09980,
     .address = "Vleutenseweg 180, 3532 Utrecht",
     .days_ago = 25,
     .moves = {{{"acknowledged", 1, "Thank you. We have put up a warning sign for now."},
                {"in_progress", 8, "The asphalt repair is planned for the coming weeks."}}}},
    // 4
    {.title = "Broken swing at the Bankaplein playground",
     .body = "One of the chains of the big swing is broken; the seat hangs on one side.",
     .category = "play",
     .lat = 52.08915,
     .lon = 5.09845,
     .address = "Bankaplein, 3531 Utrecht",
     .days_ago = 9,
     .moves = {{{"acknowledged", 2,
                 "We have taken the swing off for safety; the inspector "
                 "orders a new chain."}}}},
    // 5
    {.title = "Bulky rubbish dumped by the Riouwstraat containers",
     .body = "A mattress, a sofa and a broken cupboard next to the containers in the "
             "Riouwstraat.",
     .category = "waste",
     .lat = 52.09145,
     .lon = 5.09770,
     .address = "Riouwstraat 8, 3531 Utrecht",
     .days_ago = 6,
     .moves = {{{"acknowledged", 1, "The bulky waste team will pick it up."}}}},
    // 6: the duplicate of 5
    {.title = "Furniture on the pavement in the Riouwstraat",
     .body = "Someone left a sofa and a mattress on the pavement by the containers. You can't "
             "get past with a buggy.",
     .category = "waste",
     .lat = 52.09150,
     .lon = 5.09775,
     .address = "Riouwstraat, 3531 Utrecht",
     .days_ago = 4,
     .moves = {{{"duplicate", 1, "Already reported; we follow it up in the earlier report."}}},
     .duplicate_of = 5},
    // 7
    {.title = "Cars speeding on the Leidseweg",
     .body = "Cars race along the Leidseweg at night, far above 30. Please do something before "
             "someone gets hurt.",
     .category = "traffic",
     .lat = 52.08810,
     .lon = 5.09700,
     .address = "Leidseweg 90, 3531 Utrecht",
     .days_ago = 120,
     .moves = {{{"acknowledged", 3, "We are measuring speeds here for two weeks."},
                {"wont_fix", 20,
                 "The measurements show most drivers keep to 30; the street is "
                 "already narrow. We passed the night-time racing on to the "
                 "neighbourhood police officer."}}}},
    // 8
    {.title = "Noise from the night shop on the Kanaalstraat",
     .body = "People hang around the night shop until three and play loud music.",
     .category = "noise",
     .lat = 52.09090,
     .lon = 5.10070,
     .address = "Kanaalstraat, 3531 Utrecht",
     .days_ago = 50,
     .moves = {{{"wont_fix", 4,
                 "This is not something the area team can solve: please call "
                 "the enforcement line 14 030 when it happens, so they can come "
                 "at night."}}}},
    // 9
    {.title = "Tree roots lifting the pavement on the Javastraat",
     .body = "The roots of the big lime tree have pushed the pavement up by ten centimetres. "
             "Wheelchairs can't pass.",
     .category = "pavement",
     .lat = 52.09000,
     .lon = 5.09950,
     .address = "Javastraat 31, 3531 Utrecht",
     .days_ago = 80,
     .moves = {{{"acknowledged", 2, "We asked the tree specialists to look at the roots first."},
                {"in_progress", 30,
                 "The pavement will be relaid around the tree without "
                 "harming it; work starts soon."}}}},
    // 10
    {.title = "Dark alley behind the Sint-Antoniuskerk",
     .body = "The alley behind the church has no light at all; people avoid it after dark.",
     .category = "safety",
     .lat = 52.09080,
     .lon = 5.10250,
     .address = "Kanaalstraat, by the Sint-Antoniuskerk, 3531 Utrecht",
     .days_ago = 1},
    // 11
    {.title = "Graffiti on the Lombokstraat underpass",
     .body = "Fresh graffiti with ugly words on the wall of the underpass at the Lombokstraat.",
     .category = "other",
     .lat = 52.09175,
     .lon = 5.10150,
     .address = "Lombokstraat, 3531 Utrecht",
     .days_ago = 12,
     .moves = {{{"acknowledged", 3,
                 "The cleaning team removes offensive graffiti within two "
                 "weeks."}}}},
    // 12
    {.title = "Broken bollard on the J.P. Coenstraat",
     .body = "A bollard at the corner of the J.P. Coenstraat has been knocked over and lies on "
             "the pavement.",
     .category = "road",
     .lat = 52.09035,
     .lon = 5.09830,
     .address = "J.P. Coenstraat, 3531 Utrecht",
     .days_ago = 35,
     .moves = {{{"acknowledged", 1, "Thanks, noted."},
                {"in_progress", 3, "A new bollard has been ordered."},
                {"solved", 10, "The new bollard is in place."}}}},
    // 13
    {.title = "Dead tree in the Molenpark",
     .body = "The birch by the path to Molen De Ster has had no leaves all summer and big "
             "branches are falling off.",
     .category = "greenery",
     .lat = 52.08850,
     .lon = 5.09390,
     .address = "Molenpark, by Molen De Ster, 3531 Utrecht",
     .days_ago = 150,
     .moves = {{{"acknowledged", 2, "The tree specialist will inspect it."},
                {"in_progress", 9,
                 "The tree is dead and will be felled; a new one is planted "
                 "in the planting season."},
                {"solved", 40, "Felled, and a young birch planted in its place."}}}},
    // 14
    {.title = "Bike wrecks on the Moskeeplein racks",
     .body = "Half of the bike racks on the Moskeeplein are taken by wrecks without wheels.",
     .category = "other",
     .lat = 52.09125,
     .lon = 5.10440,
     .address = "Moskeeplein, 3531 Utrecht",
     .days_ago = 70,
     .moves = {{{"acknowledged", 2, "We will label the wrecks."},
                {"in_progress", 10, "Labelled; what is still there in four weeks is removed."},
                {"solved", 40, "Twenty-three wrecks removed. The racks are free again."}}}},
    // 15
    {.title = "Blocked drain on the Billitonkade",
     .body = "After the rain the water stays on the street for hours; the drain in front of "
             "number 40 seems blocked.",
     .category = "road",
     .lat = 52.08890,
     .lon = 5.10330,
     .address = "Billitonkade 40, 3531 Utrecht",
     .days_ago = 5},
    // 16: won't fix, taken up again
    {.title = "Hole in the fence along the Leidse Rijn",
     .body = "There is a big hole in the fence between the path and the water near the "
             "Lombokplein. Toddlers could get through.",
     .category = "safety",
     .lat = 52.08960,
     .lon = 5.10130,
     .address = "Leidsekade, near the Lombokplein, 3531 Utrecht",
     .days_ago = 20,
     .moves = {{{"acknowledged", 1, "Thank you, we will look into it."},
                {"wont_fix", 6,
                 "The fence belongs to the water board, not to us; please "
                 "report it to them."},
                {"acknowledged", 8,
                 "We were wrong: this stretch is ours after all. Sorry, "
                 "we will fix it."},
                {"in_progress", 10, "The fence repair is ordered."}}}},
    // 17
    {.title = "Streetlight flickering on the Vleutenseweg",
     .body = "The lamp in front of Vleutenseweg 40 flickers all night; it shines straight into "
             "our bedroom.",
     .category = "lighting",
     .lat = 52.09270,
     .lon = 5.10350,
     .address = "Vleutenseweg 40, 3531 Utrecht",
     .days_ago = 7},
}};

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  Micros within(Micros span) { return static_cast<Micros>(unit() * static_cast<double>(span)); }

 private:
  std::mt19937_64 engine_;
};

bool well_connected(const DemoMember& m) {
  return m.position == DemoPosition::kEmbedded || m.position == DemoPosition::kBridge;
}

[[noreturn]] void script_error(const Item& item, const std::string& what) {
  throw std::logic_error("demo script, \"" + item.title + "\": " + what);
}

class Planner {
 public:
  Planner(const std::vector<DemoMember>& members, Micros now, std::uint64_t seed)
      : members_(members), now_(now), draws_(seed) {}

  std::optional<CivicPlan> plan() {
    CivicPlan plan;
    plan.founded = now_ - kFoundedDaysAgo * kDay;
    // The area team: three well-connected members (not the instance admin
    // nor the analyst, whose network screens the other tests read) who had
    // joined a week before the space opened.
    std::vector<size_t> candidates;
    for (size_t i = 2; i < members_.size(); ++i) {
      if (well_connected(members_[i]) && members_[i].joined_at <= plan.founded - 7 * kDay) {
        candidates.push_back(i);
      }
    }
    if (candidates.size() < 3) return std::nullopt;
    for (int k = 0; k < 3; ++k) {
      size_t pick = draws_.below(candidates.size());
      hosts_.push_back(members_[candidates[pick]].id);
      plan.members.push_back({members_[candidates[pick]].id,
                              k == 0 ? SpaceRole::kOwner : SpaceRole::kModerator,
                              k == 0 ? plan.founded : plan.founded + draws_.within(3 * kDay)});
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    double locals = 0;
    for (const auto& m : members_) locals += m.community == 0 ? 1 : 0;
    const double local_share = std::min(kLocalShare, kLocalsAtMost / locals);
    const double visitor_share =
        std::min(kVisitorShare, kVisitorsAtMost / std::max(1.0, members_.size() - locals));
    for (size_t i = 2; i < members_.size(); ++i) {
      const DemoMember& m = members_[i];
      if (std::find(hosts_.begin(), hosts_.end(), m.id) != hosts_.end()) continue;
      if (draws_.unit() >= (m.community == 0 ? local_share : visitor_share)) continue;
      Micros from = std::max(m.joined_at, plan.founded);
      Micros since = from + draws_.within(std::min(60 * kDay, now_ - from));
      plan.members.push_back({m.id, SpaceRole::kMember, since});
      residents_.push_back({i, since});
    }
    if (residents_.empty()) return std::nullopt;
    plan.space.name = "Gemeente Utrecht \xe2\x80\x94 Lombok";
    plan.space.kind = SpaceKind::kNeighbourhood;
    plan.space.visibility = SpaceVisibility::kOpen;
    plan.space.description =
        "The municipality's space for Lombok: put forward ideas for the neighbourhood and vote "
        "on them, report what is broken in the street, and see what the area team does with "
        "it. / De ruimte van de gemeente voor Lombok: ideeën, stemmen en meldingen.";
    plan.space.created_by = hosts_.front();
    for (const auto& script : kIdeas) plan.items.push_back(idea(script));
    std::vector<MemberId> reporters;
    for (const auto& script : kReports) plan.items.push_back(report(script, reporters));
    const size_t first_report = kIdeas.size();
    for (size_t k = 0; k < kReports.size(); ++k) {
      if (kReports[k].duplicate_of >= 0) {
        plan.items[first_report + k].duplicate_of =
            first_report + static_cast<size_t>(kReports[k].duplicate_of);
      }
    }
    return plan;
  }

 private:
  struct Resident {
    size_t index;  // into members_
    Micros since;
  };

  // A resident who had joined the space an hour before `at`, not one of
  // `taken` when another is left; of community `community` when given.
  std::optional<MemberId> author_at(Micros at, std::vector<MemberId>* taken,
                                    std::optional<std::uint32_t> community = std::nullopt) {
    std::vector<MemberId> pool, fresh;
    for (const auto& r : residents_) {
      const DemoMember& m = members_[r.index];
      if (r.since > at - kHour || (community && (m.community != *community || !well_connected(m))))
        continue;
      pool.push_back(m.id);
      if (!taken || std::find(taken->begin(), taken->end(), m.id) == taken->end())
        fresh.push_back(m.id);
    }
    const auto& from = fresh.empty() ? pool : fresh;
    if (from.empty()) return std::nullopt;
    MemberId id = from[draws_.below(from.size())];
    if (taken) taken->push_back(id);
    return id;
  }

  Item base_item(std::string_view kind, std::string_view title, std::string_view body,
                 std::string_view category, double lat, double lon, std::string_view address,
                 int days_ago) {
    Item item;
    item.kind = std::string(kind);
    item.status = std::string(find_item_kind(kind)->initial_status);
    item.visibility = ItemVisibility::kPublic;
    item.title = std::string(title);
    item.body = std::string(body);
    auto rendered = render_markdown(item.body);
    if (!rendered) script_error(item, rendered.error().message);
    item.html = rendered->html;
    item.tags = rendered->tags;
    if (!category.empty()) item.category = std::string(category);
    if (lat != 0 || lon != 0) item.location = ItemLocation{lat, lon, std::string(address)};
    // Some hours into the day it was written.
    item.created_at = now_ - days_ago * kDay + 8 * kHour + draws_.within(10 * kHour);
    if (days_ago < 1 || item.created_at >= now_) item.created_at = now_ - draws_.within(kHour) - 1;
    return item;
  }

  MemberId some_host() { return hosts_[draws_.below(hosts_.size())]; }

  std::vector<CivicMove> moves(const Item& item, std::span<const ScriptedMove> script) {
    std::vector<CivicMove> out;
    int last_day = 0;
    for (const auto& s : script) {
      if (s.status.empty()) break;
      if (s.day <= last_day) script_error(item, "moves must be on later days");
      last_day = s.day;
      Micros at = item.created_at + s.day * kDay + kHour + draws_.within(7 * kHour);
      out.push_back({std::string(s.status), some_host(), std::string(s.note), at});
    }
    return out;
  }

  PlannedCivicItem idea(const IdeaScript& s) {
    PlannedCivicItem p;
    p.item = base_item("idea", s.title, s.body, s.category, s.lat, s.lon, s.address, s.days_ago);
    std::uint32_t communities = 0;
    for (const auto& m : members_) communities = std::max(communities, m.community + 1);
    std::optional<std::uint32_t> cluster;
    if (s.support == Support::kCluster) cluster = s.cluster < communities ? s.cluster : 0;
    auto author = author_at(p.item.created_at, nullptr, cluster);
    if (!author) author = author_at(p.item.created_at, nullptr);
    p.item.author_id = author ? *author : hosts_.front();
    p.moves = moves(p.item, s.moves);
    // Votes while the idea is open: up to its first move.
    Micros closes = p.moves.empty() ? now_ : p.moves.front().at;
    std::vector<Resident> eligible;
    for (const auto& r : residents_) {
      const DemoMember& m = members_[r.index];
      // An hour to find the idea and vote before it closes.
      if (m.id == p.item.author_id || std::max(r.since, p.item.created_at) + kHour >= closes)
        continue;
      if (cluster && (m.community != *cluster || !well_connected(m))) continue;
      eligible.push_back(r);
    }
    size_t count = static_cast<size_t>(s.share * static_cast<double>(eligible.size()) + 0.5);
    // Widely backed: each vote from a community drawn evenly among those
    // with members left to vote, not in proportion to their numbers, so
    // that Lombok's own community, the largest in the space, does not
    // outvote the rest (a cluster's idea draws from one community anyway).
    std::vector<std::vector<Resident>> by_community(communities);
    for (const auto& r : eligible) by_community[members_[r.index].community].push_back(r);
    std::vector<size_t> open;  // the communities with members left to vote
    for (size_t c = 0; c < by_community.size(); ++c) {
      if (!by_community[c].empty()) open.push_back(c);
    }
    for (size_t k = 0; k < count; ++k) {
      size_t slot = draws_.below(open.size());
      auto& group = by_community[open[slot]];
      std::swap(group[draws_.below(group.size())], group.back());
      Resident voter = group.back();
      group.pop_back();
      if (group.empty()) {
        open[slot] = open.back();
        open.pop_back();
      }
      Micros from = std::max(p.item.created_at, voter.since) + 1;
      p.votes.push_back({members_[voter.index].id, from + draws_.within(closes - from)});
    }
    std::sort(p.votes.begin(), p.votes.end(),
              [](const CivicVote& a, const CivicVote& b) { return a.at < b.at; });
    check(p);
    return p;
  }

  PlannedCivicItem report(const ReportScript& s, std::vector<MemberId>& reporters) {
    PlannedCivicItem p;
    p.item = base_item("report", s.title, s.body, s.category, s.lat, s.lon, s.address, s.days_ago);
    auto author = author_at(p.item.created_at, &reporters);
    p.item.author_id = author ? *author : hosts_.front();
    p.moves = moves(p.item, s.moves);
    const FollowUp& f = find_item_kind("report")->follow_up;
    if (!p.moves.empty() && p.moves.back().status == f.status) {
      // Asked by the server's sweep (every few minutes) once due.
      Micros asked = p.moves.back().at + f.after_days * kDay + draws_.within(10 * 60'000'000LL);
      if (asked < now_) {
        CivicFollowUp q{p.moves.size() - 1, asked, std::nullopt, true};
        Micros answered = asked + 2 * kHour + draws_.within(20 * kHour);
        if (s.answer != Answer::kNotYet && answered < now_) {
          q.answered_at = answered;
          q.fixed = s.answer == Answer::kFixed;
          if (!q.fixed) {
            p.moves.push_back(
                {std::string(f.reopen_to), p.item.author_id, std::string(kNotFixedNote), answered});
          }
        }
        p.follow_up = q;
      }
    }
    check(p);
    return p;
  }

  // Each move one the kind table has, from the status before it, by a
  // standing it names (a host; the author within the move's window), and
  // nothing dated after now.
  void check(const PlannedCivicItem& p) const {
    const ItemKindRule& kind = *find_item_kind(p.item.kind);
    std::string status = p.item.status;
    Micros entered = p.item.created_at;
    for (const auto& m : p.moves) {
      const StatusTransition* t = kind.transition(status, m.status);
      if (!t) script_error(p.item, "no move from " + status + " to " + m.status);
      bool host = std::find(hosts_.begin(), hosts_.end(), m.actor) != hosts_.end();
      bool author_may =
          t->by.contains(Standing::kAuthor) &&
          (t->author_window_days == 0 || m.at - entered <= t->author_window_days * kDay);
      if (host ? !t->by.contains(Standing::kSpaceModerator)
               : !(m.actor == p.item.author_id && author_may)) {
        script_error(p.item, "the move to " + m.status + " is not theirs to make");
      }
      if (m.at <= entered || m.at > now_) script_error(p.item, "a move out of time");
      status = m.status;
      entered = m.at;
    }
    for (const auto& v : p.votes) {
      if (v.at <= p.item.created_at || (!p.moves.empty() && v.at >= p.moves.front().at) ||
          v.at > now_) {
        script_error(p.item, "a vote after the idea left open");
      }
    }
  }

  const std::vector<DemoMember>& members_;
  Micros now_;
  Draws draws_;
  std::vector<MemberId> hosts_;
  std::vector<Resident> residents_;  // in member order
};

}  // namespace

std::optional<CivicPlan> plan_civic(const std::vector<DemoMember>& members, Micros now,
                                    std::uint64_t seed) {
  return Planner(members, now, seed).plan();
}

CivicSummary write_civic_history(store::Connection& conn, const CivicPlan& plan) {
  CivicSummary summary;
  summary.slug = plan.space.slug;
  store::VoteRepository votes(conn);
  for (const auto& p : plan.items) {
    (p.item.kind == "idea" ? summary.ideas : summary.reports) += 1;
    for (const auto& v : p.votes) summary.votes += votes.put(p.item.id, v.member, v.at) ? 1 : 0;
  }
  // Moves, questions and answers of every item in one time order: status
  // changes and notifications have time-ordered ids. At one moment a move
  // comes before the answer that made it (FollowUps::answer's order).
  enum class Step : std::uint8_t { kMove, kAsk, kAnswer };
  struct Event {
    Micros at;
    Step step;
    size_t item;
    size_t move;
  };
  std::vector<Event> events;
  for (size_t k = 0; k < plan.items.size(); ++k) {
    const auto& p = plan.items[k];
    for (size_t m = 0; m < p.moves.size(); ++m)
      events.push_back({p.moves[m].at, Step::kMove, k, m});
    if (const auto& q = p.follow_up) {
      events.push_back({q->asked_at, Step::kAsk, k, q->move});
      if (q->answered_at) events.push_back({*q->answered_at, Step::kAnswer, k, q->move});
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.at, a.step) < std::tie(b.at, b.step);
  });
  store::ItemRepository items(conn);
  store::StatusChangeRepository changes(conn);
  store::DuplicateRepository duplicates(conn);
  store::FollowUpRepository follow_ups(conn);
  store::NotificationRepository notifications(conn);
  std::vector<std::string> status(plan.items.size());
  for (size_t k = 0; k < plan.items.size(); ++k) status[k] = plan.items[k].item.status;
  std::vector<std::vector<std::int64_t>> change_ids(plan.items.size());
  std::vector<std::int64_t> asked_with(plan.items.size(), 0);
  for (const auto& e : events) {
    const PlannedCivicItem& p = plan.items[e.item];
    const CivicMove& move = p.moves[e.move];
    switch (e.step) {
      case Step::kMove: {
        store::StatusChange c;
        c.item_id = p.item.id;
        c.from_status = status[e.item];
        c.to_status = move.status;
        c.actor_id = move.actor;
        c.note = move.note;
        c.changed_at = e.at;
        change_ids[e.item].push_back(changes.record(c));
        items.set_status(p.item.id, move.status);
        status[e.item] = move.status;
        if (p.duplicate_of && move.status == "duplicate") {
          duplicates.mark(p.item.id, plan.items[*p.duplicate_of].item.id, e.at);
        }
        break;
      }
      case Step::kAsk: {
        follow_ups.mark_asked(change_ids[e.item][e.move], p.item.id, e.at);
        store::NotificationRow row;
        row.recipient = p.item.author_id;
        row.kind = std::string(to_name(NotificationKind::kFixedCheck));
        row.actor = move.actor;
        row.item_id = p.item.id;
        row.created_at = e.at;
        asked_with[e.item] = notifications.insert(row);
        break;
      }
      case Step::kAnswer:
        follow_ups.answer(change_ids[e.item][e.move], p.item.id, p.follow_up->fixed, e.at);
        notifications.mark_read(p.item.author_id, asked_with[e.item], e.at);
        break;
    }
  }
  return summary;
}

}  // namespace kring::social::demo
