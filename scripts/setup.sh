#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine: the system packages the
# tests drive for real (Chromium, LibreOffice Calc, CJK fonts, poppler), then the npm packages
# from the lockfile. Safe to run again: it installs only what is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium libreoffice-calc libreoffice-writer fonts-noto-cjk poppler-utils fontconfig python3-openpyxl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
