#include "social/demo/vocabulary.h"

#include <array>

namespace kring::social::demo {

namespace {

constexpr std::array<std::string_view, 64> kFirstNames = {
    "Anna",   "Daan",    "Sanne",  "Bram",  "Fleur",   "Joost",  "Lotte",  "Sem",
    "Noor",   "Luuk",    "Eva",    "Thijs", "Femke",   "Jeroen", "Mirjam", "Pieter",
    "Saskia", "Wouter",  "Ilse",   "Ruben", "Marieke", "Gijs",   "Esther", "Koen",
    "Fatima", "Mohamed", "Yusuf",  "Aylin", "Emre",    "Zeynep", "Karim",  "Samira",
    "Priya",  "Arjun",   "Mei",    "Wei",   "Hana",    "Kenji",  "Olga",   "Piotr",
    "Ana",    "Mateo",   "Lucia",  "Diego", "Amara",   "Kwame",  "Nia",    "Tariq",
    "Sofia",  "Luca",    "Giulia", "Jonas", "Lena",    "Finn",   "Maja",   "Elif",
    "Rosa",   "Tom",     "Julia",  "Sven",  "Ingrid",  "Niels",  "Hamza",  "Ayaan"};

constexpr std::array<std::string_view, 48> kLastNames = {
    "de Jong",  "Jansen",    "de Vries", "van den Berg", "van Dijk",  "Bakker",   "Janssen",
    "Visser",   "Smit",      "Meijer",   "de Boer",      "Mulder",    "de Groot", "Bos",
    "Vos",      "Peters",    "Hendriks", "van Leeuwen",  "Dekker",    "Brouwer",  "de Wit",
    "Dijkstra", "Smits",     "de Graaf", "van der Meer", "Kok",       "Jacobs",   "Vermeulen",
    "Yilmaz",   "El Amrani", "Kaya",     "Bouzid",       "Sharma",    "Chen",     "Tanaka",
    "Kowalski", "Santos",    "Garcia",   "Okafor",       "Mensah",    "Rossi",    "Schmidt",
    "Nielsen",  "Haddad",    "Nguyen",   "Novak",        "Andersson", "Khan"};

// Neighbourhoods where care, making and coworking communities are found.
constexpr std::array<Place, 24> kPlaces = {{
    {"Utrecht", "Lombok"},       {"Utrecht", "Overvecht"},      {"Amsterdam", "Noord"},
    {"Amsterdam", "Oosterpark"}, {"Amsterdam", "Nieuw-West"},   {"Rotterdam", "Delfshaven"},
    {"Rotterdam", "Feijenoord"}, {"Den Haag", "Schilderswijk"}, {"Den Haag", "Scheveningen"},
    {"Eindhoven", "Strijp"},     {"Groningen", "Oosterpoort"},  {"Nijmegen", "Oost"},
    {"Zwolle", "Assendorp"},     {"Arnhem", "Klarendal"},       {"Tilburg", "Reeshof"},
    {"Leiden", "Noorderhoek"},   {"Haarlem", "Schalkwijk"},     {"Breda", "Ginneken"},
    {"Maastricht", "Wyck"},      {"Deventer", "Binnenstad"},    {"Almere", "Haven"},
    {"Enschede", "Roombeek"},    {"Delft", "Tanthof"},          {"Amersfoort", "Vathorst"},
}};

constexpr std::array<std::string_view, 32> kInterests = {
    "cycling",      "chess",          "choir singing",  "football",
    "jazz",         "hiking",         "board games",    "film",
    "reading",      "climate action", "local politics", "history",
    "running",      "yoga",           "knitting",       "photography",
    "cooking",      "gardening",      "volunteering",   "languages",
    "birdwatching", "swimming",       "theatre",        "open source",
    "repair cafes", "urban farming",  "poetry",         "korfball",
    "sailing",      "street art",     "mindfulness",    "neighbourhood history"};

constexpr std::array<std::string_view, 10> kCare = {
    "elderly care",     "nursing",     "first aid",
    "dementia support", "social work", "physiotherapy",
    "meal preparation", "home visits", "mental health first aid",
    "care coordination"};
constexpr std::array<std::string_view, 10> kMaking = {
    "carpentry",   "bicycle repair", "sewing",   "electronics repair", "welding",
    "3d printing", "woodworking",    "plumbing", "electrical work",    "painting and decorating"};
constexpr std::array<std::string_view, 10> kDigital = {
    "python",           "web development",
    "data analysis",    "it support",
    "graphic design",   "ux research",
    "cyber security",   "database design",
    "machine learning", "digital skills tutoring"};
constexpr std::array<std::string_view, 10> kGreen = {"urban farming",   "beekeeping",
                                                     "composting",      "solar panels",
                                                     "home insulation", "tree care",
                                                     "permaculture",    "rainwater harvesting",
                                                     "energy advice",   "biodiversity monitoring"};
constexpr std::array<std::string_view, 10> kCivic = {
    "legal advice",      "tax returns",    "bookkeeping",
    "fundraising",       "event planning", "mediation",
    "public speaking",   "translation",    "dutch language coaching",
    "project management"};
constexpr std::array<std::string_view, 10> kLearning = {
    "math tutoring", "homework help",        "music lessons", "language teaching",
    "child care",    "youth work",           "storytelling",  "coaching",
    "career advice", "workshop facilitation"};

constexpr std::array<SkillTheme, 6> kThemes = {{
    {"care", kCare},
    {"making", kMaking},
    {"digital", kDigital},
    {"green", kGreen},
    {"civic", kCivic},
    {"learning", kLearning},
}};

// Space names by kind and skill theme: what such a group calls itself in a
// Dutch town, in English with the Dutch words people keep ("buurtkamer":
// neighbourhood living room, "mantelzorg": informal care, "taalcafé":
// language café). "{district}" is the community's district.
using Names = std::span<const std::string_view>;
constexpr std::array<std::string_view, 3> kTeamCare = {"Home visits rota", "Meals on wheels crew",
                                                       "Buurtzorg team {district}"};
constexpr std::array<std::string_view, 3> kTeamMaking = {"Facilities", "Repair crew",
                                                         "Tool shed volunteers"};
constexpr std::array<std::string_view, 3> kTeamDigital = {"IT helpdesk", "Website team",
                                                          "Digital skills volunteers"};
constexpr std::array<std::string_view, 3> kTeamGreen = {
    "Garden maintenance crew", "Green roof team", "Energy coaches {district}"};
constexpr std::array<std::string_view, 3> kTeamCivic = {"Onboarding crew", "Events team",
                                                        "Residents' association board"};
constexpr std::array<std::string_view, 3> kTeamLearning = {
    "Homework club volunteers", "Taalmaatjes coordinators", "Workshop team"};
constexpr std::array<std::string_view, 3> kCommunityCare = {
    "Informal carers circle", "Mantelzorg café", "Dementia-friendly {district}"};
constexpr std::array<std::string_view, 3> kCommunityMaking = {"Repair café", "Sewing circle",
                                                              "Makers' evenings"};
constexpr std::array<std::string_view, 3> kCommunityDigital = {"Code club", "Data for good",
                                                               "Open source evenings"};
constexpr std::array<std::string_view, 3> kCommunityGreen = {"Gardening circle",
                                                             "Beekeepers' circle", "Compost club"};
constexpr std::array<std::string_view, 3> kCommunityCivic = {
    "Translators' circle", "Mediators' network", "Fundraising circle"};
constexpr std::array<std::string_view, 3> kCommunityLearning = {"Taalcafé", "Storytellers' circle",
                                                                "Music lesson swap"};
constexpr std::array<std::string_view, 3> kNeighbourhoodCare = {
    "{district} residents", "Zorgzame buurt {district}", "Buurtkamer {district}"};
constexpr std::array<std::string_view, 3> kNeighbourhoodMaking = {
    "{district} residents", "Buurtwerkplaats {district}", "{district} street party"};
constexpr std::array<std::string_view, 3> kNeighbourhoodDigital = {
    "{district} residents", "{district} neighbours", "Buurtapp {district}"};
constexpr std::array<std::string_view, 3> kNeighbourhoodGreen = {
    "{district} residents", "Groen {district}", "{district} green streets"};
constexpr std::array<std::string_view, 3> kNeighbourhoodCivic = {
    "{district} residents", "Wijkraad {district}", "Samen {district}"};
constexpr std::array<std::string_view, 3> kNeighbourhoodLearning = {
    "{district} residents", "Buurthuis {district}", "{district} neighbours"};
constexpr std::array<std::string_view, 3> kPlaceCare = {
    "Care farm De Hoeve", "Zorgboerderij Het Erf", "Buurtcentrum De Schakel"};
constexpr std::array<std::string_view, 3> kPlaceMaking = {
    "De Werkplaats makerspace", "Fablab {district}", "Repair shop De Draad"};
constexpr std::array<std::string_view, 3> kPlaceDigital = {
    "De Werkplaats coworking", "Coworking De Kantine", "Bibliotheek {district}"};
constexpr std::array<std::string_view, 3> kPlaceGreen = {
    "Stadstuin De Pluk", "Volkstuin Ons Genoegen", "Kinderboerderij {district}"};
constexpr std::array<std::string_view, 3> kPlaceCivic = {
    "Wijkcentrum {district}", "Buurthuis De Pijler", "Community centre De Meeuw"};
constexpr std::array<std::string_view, 3> kPlaceLearning = {
    "Bibliotheek {district}", "Music school De Toon", "Speeltuin De Eekhoorn"};

struct SpaceNameRow {
  SpaceKind kind;
  std::string_view theme;
  Names names;
};
constexpr std::array<SpaceNameRow, 24> kSpaceNames = {{
    {SpaceKind::kTeam, "care", kTeamCare},
    {SpaceKind::kTeam, "making", kTeamMaking},
    {SpaceKind::kTeam, "digital", kTeamDigital},
    {SpaceKind::kTeam, "green", kTeamGreen},
    {SpaceKind::kTeam, "civic", kTeamCivic},
    {SpaceKind::kTeam, "learning", kTeamLearning},
    {SpaceKind::kCommunity, "care", kCommunityCare},
    {SpaceKind::kCommunity, "making", kCommunityMaking},
    {SpaceKind::kCommunity, "digital", kCommunityDigital},
    {SpaceKind::kCommunity, "green", kCommunityGreen},
    {SpaceKind::kCommunity, "civic", kCommunityCivic},
    {SpaceKind::kCommunity, "learning", kCommunityLearning},
    {SpaceKind::kNeighbourhood, "care", kNeighbourhoodCare},
    {SpaceKind::kNeighbourhood, "making", kNeighbourhoodMaking},
    {SpaceKind::kNeighbourhood, "digital", kNeighbourhoodDigital},
    {SpaceKind::kNeighbourhood, "green", kNeighbourhoodGreen},
    {SpaceKind::kNeighbourhood, "civic", kNeighbourhoodCivic},
    {SpaceKind::kNeighbourhood, "learning", kNeighbourhoodLearning},
    {SpaceKind::kPlace, "care", kPlaceCare},
    {SpaceKind::kPlace, "making", kPlaceMaking},
    {SpaceKind::kPlace, "digital", kPlaceDigital},
    {SpaceKind::kPlace, "green", kPlaceGreen},
    {SpaceKind::kPlace, "civic", kPlaceCivic},
    {SpaceKind::kPlace, "learning", kPlaceLearning},
}};

// Accented letters of the vocabulary (UTF-8) and the ASCII letter a slug
// keeps for each.
struct Accent {
  std::string_view utf8;
  char ascii;
};
constexpr std::array<Accent, 8> kAccents = {{{"\xc3\xa9", 'e'},
                                             {"\xc3\xa8", 'e'},
                                             {"\xc3\xab", 'e'},
                                             {"\xc3\xaf", 'i'},
                                             {"\xc3\xb6", 'o'},
                                             {"\xc3\xbc", 'u'},
                                             {"\xc3\xa1", 'a'},
                                             {"\xc3\xa4", 'a'}}};

}  // namespace

std::span<const std::string_view> first_names() { return kFirstNames; }
std::span<const std::string_view> last_names() { return kLastNames; }
std::span<const Place> places() { return kPlaces; }
std::span<const std::string_view> interests() { return kInterests; }
std::span<const SkillTheme> skill_themes() { return kThemes; }

std::string tag_of(std::string_view text) {
  std::string tag;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') tag += c;
    if (c >= 'A' && c <= 'Z') tag += static_cast<char>(c + 32);
  }
  return tag.empty() ? "kring" : tag;
}

std::string place_name(const Place& place) {
  return std::string(place.city) + " " + std::string(place.district);
}

std::span<const std::string_view> space_names(SpaceKind kind, std::string_view theme) {
  for (const auto& row : kSpaceNames) {
    if (row.kind == kind && row.theme == theme) return row.names;
  }
  return {};
}

std::string slug_of(std::string_view name) {
  std::string slug;
  bool gap = false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    for (const auto& accent : kAccents) {
      if (name.substr(i, accent.utf8.size()) == accent.utf8) {
        c = accent.ascii;
        i += accent.utf8.size() - 1;
        break;
      }
    }
    if (c == '\'') continue;  // "Makers' evenings" -> makers-evenings
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (gap && !slug.empty()) slug += '-';
      slug += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  constexpr size_t kSlugMax = 40;
  if (slug.size() > kSlugMax) slug.resize(kSlugMax);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace kring::social::demo
