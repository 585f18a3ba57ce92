#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing.
#   runtime: osmium-tool (reads OpenStreetMap extracts; without it the build marks those layers missing)
#   test:    chromium (real-browser tests), osmium-tool, fonts-noto-cjk (Chinese labels in headless Chromium),
#            poppler-utils (pdftotext, pdfinfo, pdftoppm: the printed briefs read back)
# Installs with apt-get as root (or passwordless sudo); otherwise says what to install.
set -euo pipefail
mode="${1:-runtime}"

need=()
command -v osmium >/dev/null 2>&1 || need+=(osmium-tool)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-system: missing Debian packages: ${need[*]} — install them with: sudo apt-get install ${need[*]}" >&2
  [ "$mode" = "test" ] && exit 1
  exit 0
fi

echo "ensure-system: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
