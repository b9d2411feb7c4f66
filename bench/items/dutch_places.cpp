#include "dutch_places.h"

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace kring::bench {

namespace {

constexpr double kKmPerDegreeLat = 111.195;

struct City {
  LatLon centre;
  double thousands;  // inhabitants (CBS, rounded): how often a point falls there
};

// The Netherlands' 30 largest municipalities.
constexpr std::array<City, 30> kCities = {{
    {{52.3676, 4.9041}, 930}, {{51.9244, 4.4777}, 670}, {{52.0705, 4.3007}, 560},
    {{52.0907, 5.1214}, 370}, {{51.4416, 5.4697}, 240}, {{53.2194, 6.5665}, 240},
    {{51.5555, 5.0913}, 225}, {{52.3508, 5.2647}, 220}, {{51.5719, 4.7683}, 185},
    {{51.8126, 5.8372}, 180}, {{52.2112, 5.9699}, 165}, {{51.9851, 5.8987}, 165},
    {{52.3874, 4.6462}, 165}, {{52.2215, 6.8937}, 160}, {{52.1561, 5.3878}, 160},
    {{52.4559, 4.8143}, 160}, {{51.6978, 5.3037}, 160}, {{52.5168, 6.0830}, 130},
    {{52.1601, 4.4970}, 125}, {{50.8514, 5.6910}, 120}, {{51.8133, 4.6901}, 120},
    {{52.0575, 4.4931}, 125}, {{52.0116, 4.3571}, 105}, {{52.2661, 6.1552}, 100},
    {{53.2012, 5.7999}, 125}, {{52.6324, 4.7534}, 110}, {{51.3704, 6.1724}, 100},
    {{51.4793, 5.6570}, 93},  {{52.7792, 6.9069}, 107}, {{52.2292, 5.1669}, 92},
}};

constexpr LatLon kDom = {52.0907, 5.1214};
constexpr store::GeoBox kUtrechtMunicipality = {52.030, 4.970, 52.140, 5.190};
constexpr store::GeoBox kNetherlands = {50.75, 3.36, 53.47, 7.21};

// 2 km by 2 km around a point at Utrecht's latitude (0.01799° of latitude,
// 0.02928° of longitude).
constexpr store::GeoBox square_around(double lat, double lon) {
  return {lat - 0.008995, lon - 0.01464, lat + 0.008995, lon + 0.01464};
}

constexpr std::array<District, 4> kDistricts = {{
    {"utrecht_lombok", square_around(52.0915, 5.1005)},
    {"utrecht_oost", square_around(52.0870, 5.1420)},
    {"utrecht_centre", square_around(52.0907, 5.1214)},
    {"amsterdam_jordaan", {52.3655, 4.8663, 52.3835, 4.8957}},
}};

constexpr std::array<std::string_view, 24> kUtrechtStreets = {
    "Kanaalstraat", "Damstraat", "Vleutenseweg", "Jasmijnstraat", "Bankastraat",
    "Biltstraat", "Nachtegaalstraat", "Burgemeester Reigerstraat", "Oudwijk",
    "Oudegracht", "Voorstraat", "Lange Nieuwstraat", "Amsterdamsestraatweg",
    "Croeselaan", "Kardinaal de Jongweg", "Vredenburg", "Maliebaan", "Twijnstraat",
    "Overvecht-Noord", "Leidsche Rijn Centrum", "Zuilenselaan", "Adelaarstraat",
    "Billitonkade", "Wilhelminapark"};

constexpr std::array<std::string_view, 16> kDutchStreets = {
    "Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg", "Schoolstraat",
    "Julianastraat", "Beatrixlaan", "Hoofdstraat", "Marktplein", "Wilhelminastraat",
    "Parallelweg", "Industrieweg", "Nieuwstraat", "Raadhuisplein", "Sportlaan",
    "Kastanjelaan"};

// Box-Muller: one standard normal draw.
double normal(FixtureRandom& rng) {
  double u = 1.0 - rng.unit();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2 * std::numbers::pi * rng.unit());
}

LatLon scatter(LatLon centre, double sigma_km, FixtureRandom& rng) {
  double coslat = std::cos(centre.lat * std::numbers::pi / 180.0);
  return {centre.lat + normal(rng) * sigma_km / kKmPerDegreeLat,
          centre.lon + normal(rng) * sigma_km / (kKmPerDegreeLat * coslat)};
}

bool inside(const store::GeoBox& b, LatLon p) {
  return p.lat >= b.min_lat && p.lat <= b.max_lat && p.lon >= b.min_lon && p.lon <= b.max_lon;
}

LatLon uniform_in(const store::GeoBox& b, FixtureRandom& rng) {
  return {b.min_lat + rng.unit() * (b.max_lat - b.min_lat),
          b.min_lon + rng.unit() * (b.max_lon - b.min_lon)};
}

const WeightedIndex& by_population() {
  static const WeightedIndex index = [] {
    std::vector<double> w;
    for (const auto& c : kCities) w.push_back(c.thousands);
    return WeightedIndex(w);
  }();
  return index;
}

}  // namespace

std::span<const District> timed_districts() { return kDistricts; }

LatLon point_in_utrecht(FixtureRandom& rng) {
  if (rng.chance(0.25)) return uniform_in(kUtrechtMunicipality, rng);
  for (;;) {
    LatLon p = scatter(kDom, 2.2, rng);
    if (inside(kUtrechtMunicipality, p)) return p;
  }
}

LatLon point_in_netherlands(FixtureRandom& rng) {
  if (rng.chance(0.15)) return uniform_in(kNetherlands, rng);
  const City& city = kCities[by_population().draw(rng)];
  // A city of 100,000 spreads over about 1.2 km (one sigma), a larger one
  // by the square root of its size.
  return scatter(city.centre, 1.2 * std::sqrt(city.thousands / 100.0), rng);
}

std::span<const std::string_view> utrecht_streets() { return kUtrechtStreets; }
std::span<const std::string_view> dutch_streets() { return kDutchStreets; }

}  // namespace kring::bench
