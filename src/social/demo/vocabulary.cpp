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

constexpr std::array<std::string_view, 24> kPlaces = {
    "Utrecht Lombok",       "Utrecht Overvecht",      "Amsterdam Noord",
    "Amsterdam De Pijp",    "Amsterdam Nieuw-West",   "Rotterdam Delfshaven",
    "Rotterdam Feijenoord", "Den Haag Schilderswijk", "Den Haag Scheveningen",
    "Eindhoven Strijp",     "Groningen Oosterpoort",  "Nijmegen Oost",
    "Zwolle Assendorp",     "Arnhem Klarendal",       "Tilburg Reeshof",
    "Leiden Noorderhoek",   "Haarlem Schalkwijk",     "Breda Ginneken",
    "Maastricht Wyck",      "Deventer Binnenstad",    "Almere Haven",
    "Enschede Roombeek",    "Delft Tanthof",          "Amersfoort Vathorst"};

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

}  // namespace

std::span<const std::string_view> first_names() { return kFirstNames; }
std::span<const std::string_view> last_names() { return kLastNames; }
std::span<const std::string_view> places() { return kPlaces; }
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

}  // namespace kring::social::demo
