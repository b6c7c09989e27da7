#!/usr/bin/env bash
# Install the Debian packages Hromada needs when they are missing:
# gettext (translations) and Pango (PDF) always; chromium (browser tests)
# and a Java runtime (the Nu HTML Checker of the public pages, ADR 12).
set -euo pipefail
need=()
command -v msgfmt >/dev/null || need+=(gettext)
# WeasyPrint (PDF reports and letters) draws text with Pango.
{ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep -q libpangoft2-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
if [[ "${HROMADA_SKIP_BROWSER:-}" != "1" ]]; then
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  command -v java >/dev/null || need+=(default-jre-headless)
fi
[[ ${#need[@]} -eq 0 ]] && exit 0
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
