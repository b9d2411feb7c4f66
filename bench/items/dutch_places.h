#pragma once
// Where the items benchmark's ideas and reports are: the Netherlands, dense
// in its cities and thinner between them, and the districts of Utrecht whose
// map boxes are timed. Coordinates are WGS 84 degrees of the real places.

#include <span>
#include <string_view>

#include "fixture_random.h"
#include "store/item_listing.h"

namespace kring::bench {

struct LatLon {
  double lat = 0;
  double lon = 0;
};

// A named map box: a district about 2 km by 2 km.
struct District {
  std::string_view name;
  store::GeoBox box;
};

// Lombok (with the Kanaalstraat), Oost (Wilhelminapark) and the centre of
// Utrecht, the municipality's city; one district of Amsterdam for a city
// with fewer reports.
std::span<const District> timed_districts();

// A point in the city of Utrecht: most around its centre (the Dom), the
// rest spread over the whole municipality (Leidsche Rijn, Overvecht...).
LatLon point_in_utrecht(FixtureRandom& rng);

// A point somewhere in the Netherlands: 85% in one of its larger cities,
// drawn by population and spread by the city's size, 15% anywhere in the
// country's box (fields, villages, and some water).
LatLon point_in_netherlands(FixtureRandom& rng);

// Street names for titles: Utrecht's own, and common Dutch ones elsewhere.
std::span<const std::string_view> utrecht_streets();
std::span<const std::string_view> dutch_streets();

}  // namespace kring::bench
