#pragma once
// Word lists for the demo community: Dutch and international names, skills
// drawn from the kinds of work found in Dutch neighbourhoods, care and
// coworking communities (after the ESCO skill groups), interests and places.

#include <span>
#include <string>
#include <string_view>

namespace kring::social::demo {

std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
std::span<const std::string_view> places();
std::span<const std::string_view> interests();

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

}  // namespace kring::social::demo
