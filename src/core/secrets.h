#pragma once
// Secrets: random tokens, their stored hashes, and password hashing.
// REQUIRES: sodium_init() has run (main() does it). Thread-safe.

#include <string>
#include <string_view>

namespace kring {

// A random 256-bit token, base64url without padding (43 characters).
std::string random_token();

// The form a token is stored in: hex SHA-256. Tokens are high-entropy, so a
// fast hash is enough; a database leak does not yield usable tokens.
std::string token_hash(std::string_view token);

// argon2id (libsodium's crypto_pwhash_str, interactive limits).
// Returns an empty string only when the machine is out of memory.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);

// base64url without padding, for opaque cursors and tokens.
std::string base64url_encode(std::string_view bytes);
// Empty optional-like behaviour: returns false on malformed input.
bool base64url_decode(std::string_view text, std::string& out);

}  // namespace kring
