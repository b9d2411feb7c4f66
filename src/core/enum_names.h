#pragma once
// The names enums are stored and spoken by. Each enum stored in the
// database or sent in JSON has one table of {value, name} here, given by
// specialising EnumNames<E> next to the enum; to_name and from_name read
// that table both ways, so the store, the migrations' CHECK lists and the
// JSON layer cannot drift into different spellings. Names are stable: a
// stored name is renamed only by a migration.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kring {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

// Specialise with `static constexpr std::array<EnumName<E>, N> kTable`
// listing every value of E once.
template <typename E>
struct EnumNames;

// The name of a listed value; an unlisted one (a cast from a bad integer)
// gets "".
template <typename E>
constexpr std::string_view to_name(E value) {
  for (const auto& entry : EnumNames<E>::kTable) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

// The value named `name` exactly (case-sensitive); nullopt for any other text.
template <typename E>
constexpr std::optional<E> from_name(std::string_view name) {
  for (const auto& entry : EnumNames<E>::kTable) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// Every value of E, in table order.
template <typename E>
constexpr auto enum_values() {
  std::array<E, EnumNames<E>::kTable.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = EnumNames<E>::kTable[i].value;
  return out;
}

}  // namespace kring
