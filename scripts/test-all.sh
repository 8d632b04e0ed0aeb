#!/usr/bin/env bash
# `npm run test:all` (and .ci/run): every test on a fresh Debian machine that has only Node 20.
# 1. Installs the Debian packages the tests need, only those missing, and says which:
#    chromium (browser tests), fonts-dejavu-core and fonts-noto-cjk (PNG charts and screenshots, Latin and
#    Chinese text), python3-torch (PyTorch oracle and export checks), python3-onnx (ONNX checker on exported
#    files), redis-server (distributed search).
# 2. Installs the npm dependencies from package-lock.json when node_modules is missing (or with --fresh).
# 3. Builds dist/ (the CLI end-to-end tests run the built command) and runs `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=0
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=1 ;;
    *) echo "test:all: unknown argument '$arg'; the only one is --fresh (reinstall node_modules with npm ci)" >&2; exit 2 ;;
  esac
done

packages=(chromium fonts-dejavu-core fonts-noto-cjk python3-torch python3-onnx redis-server)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "test:all: system packages present: ${packages[*]}"
else
  echo "test:all: installing missing system packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "test:all: not root and no sudo; run as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$fresh" -eq 1 ] || [ ! -d node_modules ]; then
  echo "test:all: installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
npm run build
npm test
