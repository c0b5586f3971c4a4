#!/usr/bin/env bash
# Make sure a Chromium for the browser tests is installed (Debian's package; Playwright never
# downloads browsers here). Installs it when running as root with apt-get; otherwise says how.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is not installed: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH) for the browser tests." >&2
exit 1
