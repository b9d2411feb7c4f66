#!/usr/bin/env bash
# Installs the Debian 12 packages kring builds, runs and tests with.
# Only missing packages are installed, so a second run takes a second.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libboost-dev libboost-system-dev libsqlite3-dev libsodium-dev nlohmann-json3-dev zlib1g-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libspdlog-dev libfmt-dev libcli11-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-networkx python3-igraph python3-scipy
  nodejs npm
)
if [ "${KRING_WITH_BROWSER:-0}" = 1 ]; then
  packages+=(chromium)
fi
if [ "${KRING_WITH_BENCH:-0}" = 1 ]; then
  packages+=(wrk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A newer Node.js from elsewhere (nvm, nodesource) is fine; don't replace it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do
    [ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
