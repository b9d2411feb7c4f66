#include "cli/cursor_secret.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/cursor.h"

namespace kring::cli {

namespace {

namespace fs = std::filesystem;

Error unusable(const fs::path& path, const std::string& why) {
  return Error::invalid("bad_cursor_key", "cannot use " + path.string() + ": " + why);
}

// Writes a new random key beside the final name, then renames it into place,
// so a crash never leaves a half-written key.
Status create_key(const fs::path& path) {
  std::array<unsigned char, kCursorSecretBytes> key;
  randombytes_buf(key.data(), key.size());
  std::array<char, kCursorSecretBytes * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  fs::path temp = path;
  temp += ".new";
  // Created 0600 from the start: the key is never readable by others.
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return unusable(temp, std::strerror(errno));
  hex[kCursorSecretBytes * 2] = '\n';
  bool written =
      ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return unusable(temp, "cannot write it");
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return unusable(path, ec.message());
  return {};
}

}  // namespace

Status load_cursor_secret(const std::string& data_dir) {
  fs::path path = fs::path(data_dir) / "cursor.key";
  if (!fs::exists(path)) KRING_TRY(create_key(path));
  std::ifstream in(path);
  std::string hex;
  if (!in || !std::getline(in, hex)) return unusable(path, "cannot read it");
  std::array<unsigned char, kCursorSecretBytes> key;
  std::size_t length = 0;
  if (hex.size() != kCursorSecretBytes * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) !=
          0 ||
      length != kCursorSecretBytes) {
    return unusable(path, "expected " + std::to_string(kCursorSecretBytes * 2) + " hex digits");
  }
  set_cursor_secret(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  sodium_memzero(key.data(), key.size());
  return {};
}

}  // namespace kring::cli
