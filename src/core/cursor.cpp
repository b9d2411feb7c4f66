#include "core/cursor.h"

#include <sodium.h>

#include <array>
#include <cassert>
#include <cstring>

#include "core/secrets.h"

namespace kring {

namespace {

// Layout: version, major and id (big-endian), then a BLAKE2b-128 keyed hash
// of the list's name, its length and those 17 bytes. 16 bytes of tag make a
// guessed cursor pass with probability 2^-128; 33 bytes are 44 characters.
constexpr unsigned char kVersion = 2;
constexpr std::size_t kKeyBytes = 1 + 8 + 8;
constexpr std::size_t kTagBytes = 16;
constexpr std::size_t kCursorBytes = kKeyBytes + kTagBytes;

std::array<unsigned char, kCursorSecretBytes>& secret() {
  static std::array<unsigned char, kCursorSecretBytes> key = [] {
    std::array<unsigned char, kCursorSecretBytes> random;
    if (sodium_init() < 0) std::abort();  // no randomness: nothing can be kept secret
    randombytes_buf(random.data(), random.size());
    return random;
  }();
  return key;
}

void put_int64(unsigned char* out, std::int64_t value) {
  auto bits = static_cast<std::uint64_t>(value);
  for (int k = 7; k >= 0; --k, bits >>= 8) out[k] = static_cast<unsigned char>(bits & 0xff);
}

std::int64_t get_int64(const unsigned char* in) {
  std::uint64_t bits = 0;
  for (int k = 0; k < 8; ++k) bits = (bits << 8) | in[k];
  return static_cast<std::int64_t>(bits);
}

std::array<unsigned char, kTagBytes> tag_of(std::string_view list, const unsigned char* key) {
  unsigned char length[8];
  put_int64(length, static_cast<std::int64_t>(list.size()));
  crypto_generichash_state state;
  crypto_generichash_init(&state, secret().data(), secret().size(), kTagBytes);
  crypto_generichash_update(&state, length, sizeof length);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(list.data()),
                            list.size());
  crypto_generichash_update(&state, key, kKeyBytes);
  std::array<unsigned char, kTagBytes> tag;
  crypto_generichash_final(&state, tag.data(), tag.size());
  return tag;
}

}  // namespace

std::string encode_cursor(std::string_view list, CursorKey key) {
  std::array<unsigned char, kCursorBytes> bytes;
  bytes[0] = kVersion;
  put_int64(&bytes[1], key.major);
  put_int64(&bytes[9], key.id);
  auto tag = tag_of(list, bytes.data());
  std::memcpy(&bytes[kKeyBytes], tag.data(), tag.size());
  return base64url_encode(
      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

Result<CursorKey> decode_cursor(std::string_view list, std::string_view text) {
  Error bad = Error::invalid("invalid_cursor", "cursor is not one this list issued");
  std::string plain;
  // 44 characters encode 33 bytes; anything longer is refused before decoding.
  if (text.size() > 64 || !base64url_decode(text, plain) || plain.size() != kCursorBytes) {
    return bad;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(plain.data());
  if (bytes[0] != kVersion) return bad;
  auto tag = tag_of(list, bytes);
  if (sodium_memcmp(tag.data(), bytes + kKeyBytes, kTagBytes) != 0) return bad;
  return CursorKey{get_int64(bytes + 1), get_int64(bytes + 9)};
}

void set_cursor_secret(std::string_view key) {
  assert(key.size() == kCursorSecretBytes);
  if (key.size() != kCursorSecretBytes) std::abort();  // a broken start-up, not bad input
  std::memcpy(secret().data(), key.data(), kCursorSecretBytes);
}

}  // namespace kring
