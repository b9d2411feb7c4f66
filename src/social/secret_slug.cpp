#include "social/secret_slug.h"

#include "core/ids.h"

namespace kring::social {

std::string secret_slug(store::SpaceRepository& spaces, std::string_view requested) {
  std::string slug;
  do {
    slug = unguessable_slug(requested);
  } while (spaces.slug_taken(slug));
  return slug;
}

}  // namespace kring::social
