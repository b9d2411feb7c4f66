#include "civic_items.h"

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/kinds.h"
#include "dutch_places.h"
#include "social/markdown.h"
#include "store/vote_repository.h"

namespace kring::bench {

namespace {

struct CategoryText {
  std::string_view category;
  double weight;  // share of reports, after Utrecht's and FixMyStreet's public counts
  std::array<std::string_view, 3> titles;
  std::string_view body;
};

constexpr std::array<CategoryText, 10> kReportTexts = {{
    {"road", 12,
     {"Gat in de weg aan de {street}", "Verzakte weg bij de {street}",
      "Losliggende putdeksel in de {street}"},
     "Er zit een flink gat in het wegdek. Fietsers moeten eromheen slingeren."},
    {"pavement", 12,
     {"Losse stoeptegels aan de {street}", "Scheve stoep bij de {street}",
      "Stoep geblokkeerd in de {street}"},
     "De tegels liggen los en steken omhoog; met een rollator kom je er niet langs."},
    {"lighting", 10,
     {"Kapotte lantaarnpaal aan de {street}", "Straatverlichting uit in de {street}",
      "Lamp knippert bij de {street}"},
     "Het is 's avonds aardedonker sinds de lantaarnpaal het niet meer doet."},
    {"waste", 25,
     {"Zwerfafval bij de glasbak aan de {street}", "Volle container in de {street}",
      "Grofvuil op de stoep aan de {street}"},
     "Al dagen ligt er afval naast de container. Graag ophalen."},
    {"greenery", 12,
     {"Boom hangt over het fietspad aan de {street}", "Onkruid op het plein bij de {street}",
      "Gras niet gemaaid langs de {street}"},
     "Het groen is niet bijgehouden en hangt over het pad."},
    {"traffic", 8,
     {"Verkeerslicht defect bij de {street}", "Te hard gereden in de {street}",
      "Fietsers op de stoep in de {street}"},
     "Het verkeer is hier onoverzichtelijk, vooral in de spits."},
    {"noise", 5,
     {"Geluidsoverlast 's nachts in de {street}", "Bouwlawaai aan de {street}",
      "Overlast van bladblazers in de {street}"},
     "Elke nacht is er lawaai tot na twee uur."},
    {"safety", 5,
     {"Onveilige oversteek bij de {street}", "Donker steegje naast de {street}",
      "Kapot hek bij de {street}"},
     "Kinderen steken hier over naar school en het voelt niet veilig."},
    {"play", 4,
     {"Speeltoestel kapot in de {street}", "Zandbak vervuild bij de {street}",
      "Glas in de speeltuin aan de {street}"},
     "Het speeltoestel is kapot en er liggen scherpe stukken."},
    {"other", 7,
     {"Graffiti op de muur aan de {street}", "Verdwenen verkeersbord in de {street}",
      "Vreemde lucht bij de {street}"},
     "Dit is al een tijdje zo; wie kan hier naar kijken?"},
}};

constexpr std::array<std::string_view, 10> kIdeaTitles = {
    "Meer groen in de {street}",          "Een speeltuin bij de {street}",
    "Fietsenstalling bij de {street}",    "Autovrije zondag in de {street}",
    "Bankjes langs de {street}",          "Geveltuintjes in de {street}",
    "Een buurtmoestuin aan de {street}",  "Watertappunt bij de {street}",
    "Minder parkeerplaatsen in de {street}", "Zebrapad bij de school aan de {street}"};

constexpr std::string_view kIdeaBody =
    "Wat zou het mooi zijn als de buurt hier samen iets van maakt. Wie steunt dit idee?";

constexpr std::array<std::string_view, 3> kOpenReport = {"reported", "acknowledged",
                                                         "in_progress"};
constexpr std::array<double, 3> kOpenReportWeights = {50, 30, 20};
constexpr std::array<std::string_view, 3> kClosedReport = {"solved", "wont_fix", "duplicate"};
constexpr std::array<double, 3> kClosedReportWeights = {70, 18, 12};
constexpr std::array<std::string_view, 2> kOpenIdea = {"open", "under_review"};
constexpr std::array<double, 2> kOpenIdeaWeights = {85, 15};
constexpr std::array<std::string_view, 3> kDecidedIdea = {"accepted", "declined", "done"};
constexpr std::array<double, 3> kDecidedIdeaWeights = {30, 45, 25};

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& names,
                      const std::array<double, N>& weights, FixtureRandom& rng) {
  double x = rng.unit() * [&] {
    double t = 0;
    for (double w : weights) t += w;
    return t;
  }();
  for (std::size_t i = 0; i < N; ++i) {
    if ((x -= weights[i]) < 0) return names[i];
  }
  return names[N - 1];
}

std::string with_street(std::string_view pattern, std::string_view street) {
  std::string out(pattern);
  auto at = out.find("{street}");
  return out.replace(at, 8, street);
}

// Rendered once per text: the bodies repeat, the titles carry the variety.
// REQUIRES: body is one of the constant texts above (the key borrows it).
const std::string& html_of(std::string_view body) {
  static std::unordered_map<std::string_view, std::string> rendered;
  auto [it, fresh] = rendered.try_emplace(body);
  if (fresh) it->second = social::render_markdown(body).value().html;
  return it->second;
}

const WeightedIndex& by_category_share() {
  static const WeightedIndex index = [] {
    std::vector<double> w;
    for (const auto& c : kReportTexts) w.push_back(c.weight);
    return WeightedIndex(w);
  }();
  return index;
}

}  // namespace

CivicItems::CivicItems(const FixturePlan& plan, const WrittenCommunity& community,
                       std::uint32_t municipality, store::Connection& conn)
    : plan_(plan), community_(community), municipality_(municipality), conn_(conn) {
  for (std::uint32_t s = 0; s < community.space_ids.size(); ++s) {
    space_index_[community.space_ids[s]] = s;
  }
}

ItemShaper CivicItems::shaper() {
  return {[this](Item& item, std::uint32_t author, double when, FixtureRandom& rng) {
            reshape(item, author, when, rng);
          },
          [this](ItemId id, const Item& item, FixtureRandom& rng) { vote(id, item, rng); }};
}

std::optional<std::uint32_t> CivicItems::space_for(bool report, std::uint32_t author,
                                                   FixtureRandom& rng) {
  double u = rng.unit();
  const auto& joined = plan_.spaces_of[author];
  if (u < (report ? 0.55 : 0.35) || (joined.empty() && (report || u < 0.9))) {
    return municipality_;
  }
  if (!report && u >= 0.9) return std::nullopt;
  return joined[rng.below(joined.size())];
}

void CivicItems::reshape(Item& item, std::uint32_t author, double when, FixtureRandom& rng) {
  double k = rng.unit();
  if (k >= 0.6) return;  // a note, article or question, as drawn
  bool report = k >= 0.3;
  auto space = space_for(report, author, rng);
  bool in_city = space == municipality_;
  item.kind = report ? "report" : "idea";
  item.space_id.reset();
  item.visibility = ItemVisibility::kPublic;
  if (space) {
    item.space_id = community_.space_ids[*space];
    if (plan_.spaces[*space].visibility != SpaceVisibility::kOpen) {
      item.visibility = ItemVisibility::kSpace;  // closed and secret spaces (social/items.cpp)
    } else if (rng.chance(0.1)) {
      item.visibility = ItemVisibility::kMembers;
    }
  }
  auto streets = in_city ? utrecht_streets() : dutch_streets();
  std::string_view street = streets[rng.below(streets.size())];
  const CategoryText& category = kReportTexts[by_category_share().draw(rng)];
  item.location.reset();
  item.category.reset();
  if (report) {
    item.title = with_street(category.titles[rng.below(category.titles.size())], street);
    item.body = std::string(category.body);
    item.html = html_of(category.body);
    item.category = std::string(category.category);
    item.status = std::string(rng.chance(0.85 - 0.65 * when)
                                  ? pick(kClosedReport, kClosedReportWeights, rng)
                                  : pick(kOpenReport, kOpenReportWeights, rng));
  } else {
    item.title = with_street(kIdeaTitles[rng.below(kIdeaTitles.size())], street);
    item.body = std::string(kIdeaBody);
    item.html = html_of(kIdeaBody);
    if (rng.chance(0.5)) item.category = std::string(category.category);
    item.status = std::string(rng.chance(0.5 - 0.4 * when)
                                  ? pick(kDecidedIdea, kDecidedIdeaWeights, rng)
                                  : pick(kOpenIdea, kOpenIdeaWeights, rng));
  }
  if (report || rng.chance(0.4)) {
    LatLon p = in_city ? point_in_utrecht(rng) : point_in_netherlands(rng);
    item.location = ItemLocation{p.lat, p.lon, std::string(street)};
    ++counts_.located;
  }
  item.tags.clear();
  ++(report ? counts_.reports : counts_.ideas);
  if (in_city) ++(report ? counts_.municipality_reports : counts_.municipality_ideas);
}

void CivicItems::vote(ItemId id, const Item& item, FixtureRandom& rng) {
  if (item.kind != "idea") return;
  const std::vector<std::uint32_t>* voters = nullptr;
  std::size_t pool = plan_.activity.size();
  if (item.space_id) {
    voters = &plan_.spaces[space_index_.at(*item.space_id)].members;
    pool = voters->size();
  }
  // Pareto tail index 1.15, less one: 55% of ideas get no vote, the mean is
  // about 5, a few get hundreds; at most half the space's members vote.
  auto cap = static_cast<double>(std::min<std::size_t>(2000, pool / 2));
  auto n = static_cast<std::int64_t>(std::min(std::floor(rng.pareto(1.15)) - 1, cap));
  store::VoteRepository votes(conn_);
  for (std::int64_t v = 0; v < n; ++v) {
    std::uint32_t who = voters ? (*voters)[rng.below(pool)] : static_cast<std::uint32_t>(rng.below(pool));
    if (votes.put(id, community_.member_ids[who], item.created_at + (v + 1) * 60'000'000LL)) {
      ++counts_.votes;
    }
  }
}

}  // namespace kring::bench
