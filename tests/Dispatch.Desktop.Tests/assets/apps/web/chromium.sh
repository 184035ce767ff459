#!/bin/sh
# Opens a page in Debian's Chromium as an app window (no tabs, no address bar) on $DISPLAY, accessible on the
# desktop's AT-SPI bus, with a throw-away profile:
#     sh chromium.sh PROFILE_DIR [URL]     (URL defaults to form.html beside this script)
# PROFILE_DIR must be an empty or a former profile folder of its own; the caller removes it afterwards.
# The browser process replaces this script (exec), so the pid started is Chromium's own.
#   ACCESSIBILITY_ENABLED=1          without it Chromium builds no AT-SPI tree on a bare bus (no GNOME setting)
#   --force-renderer-accessibility   the page's elements, not only the browser's own views, are on the bus
#   --no-sandbox --test-type         root cannot use the sandbox; --test-type hides the warning bar about it
#   --ozone-platform=x11 --disable-gpu   plain X11 and software drawing on Xvfb
#   --password-store=basic           no keyring prompt; --no-first-run --no-default-browser-check: no questions
set -e
[ $# -ge 1 ] || { echo "usage: chromium.sh PROFILE_DIR [URL]" >&2; exit 2; }
profile=$1
url=${2:-file://$(cd "$(dirname "$0")" && pwd)/form.html}
export ACCESSIBILITY_ENABLED=1
exec /usr/bin/chromium --user-data-dir="$profile" --app="$url" \
  --force-renderer-accessibility --no-sandbox --test-type --ozone-platform=x11 --disable-gpu \
  --no-first-run --no-default-browser-check --password-store=basic --disable-background-networking \
  --disable-component-update --disable-sync --disable-features=Translate,MediaRouter \
  --window-position=200,150 --window-size=800,600
