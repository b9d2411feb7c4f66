#pragma once
// The slug a secret space gets: the requested slug, '-' and 50 random bits
// (core/ids.h, unguessable_slug), `board` becomes `board-k3vq7xw2pa`.
//
// Why: with the plain slug, creating `board` answered 409 slug_taken while
// every other endpoint answered 404, so anyone could learn that a secret
// `board` exists by trying to create it. Hiding the 409 instead (pretending
// success, or refusing every slug) would lie or break creation; a slug nobody
// can guess needs no special case anywhere: the creator gets it back in the
// 201 (and a PATCH to secret answers it), members reach the space through
// their list and links, and outsiders meet only free slugs. The requested
// part is cut so the whole stays within validate_slug's 40.
//
// Used wherever a space becomes secret: social/spaces.cpp (create, made
// secret by a PATCH) and the demo loader (social/demo/demo_content.cpp).

#include <string>
#include <string_view>

#include "store/space_repository.h"

namespace kring::social {

// A slug not taken in `spaces`, retried on the (2^-50) chance that one is.
// REQUIRES: requested is valid (validate_slug); a write transaction on the
// repository's connection, so the slug is still free when the space goes in.
std::string secret_slug(store::SpaceRepository& spaces, std::string_view requested);

}  // namespace kring::social
