#pragma once
// Word lists for the demo community: Dutch and international names, skills
// drawn from the kinds of work found in Dutch neighbourhoods, care and
// coworking communities (after the ESCO skill groups), interests, places and
// the names of spaces.

#include <span>
#include <string>
#include <string_view>

#include "core/space.h"

namespace kring::social::demo {

std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
std::span<const std::string_view> interests();

// A district of a Dutch town; a member's home place is place_name():
// "Utrecht Lombok".
struct Place {
  std::string_view city;
  std::string_view district;
};
std::span<const Place> places();
std::string place_name(const Place& place);

// Skills come in themes so that communities share expertise the way real
// ones do (a care farm knows care, a makerspace knows making).
struct SkillTheme {
  std::string_view name;
  std::span<const std::string_view> skills;
};
std::span<const SkillTheme> skill_themes();

// A #tag for a skill or interest: its ASCII letters, lowercased
// ("Tuinieren & moestuin" -> "tuinierenmoestuin"); "kring" when none.
std::string tag_of(std::string_view text);

// Names a space of this kind takes when its community shares the skill theme
// (SkillTheme::name): "Repair café", "Care farm De Hoeve". A name may hold
// "{district}", for the community's district ("{district} residents").
// Never empty for a kind and a theme of skill_themes().
std::span<const std::string_view> space_names(SpaceKind kind, std::string_view theme);

// The slug for a space name: lowercase letters and digits, accents dropped,
// apostrophes left out, other runs as one '-', at most 40 characters
// ("Makers' café Noord" -> "makers-cafe-noord"). Valid by validate_slug for
// any name that starts with a letter.
std::string slug_of(std::string_view name);

}  // namespace kring::social::demo
