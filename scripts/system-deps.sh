#!/usr/bin/env bash
# Install the Debian packages Hromada needs when they are missing:
# gettext (translations) always; chromium (browser tests) for `make test`.
set -euo pipefail
need=()
command -v msgfmt >/dev/null || need+=(gettext)
if [[ "${HROMADA_SKIP_BROWSER:-}" != "1" ]]; then
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
fi
[[ ${#need[@]} -eq 0 ]] && exit 0
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
