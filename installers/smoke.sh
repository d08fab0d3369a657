#!/usr/bin/env bash
# Smoke test of the Linux installers (not part of CI): builds the app image and the .deb, starts
# the app image under Xvfb on the sample dataset, takes a screenshot, quits it with Ctrl+Q and
# checks it exited cleanly; then unpacks the .deb into a scratch root and asks its launcher for
# --version. Needs: xvfb xauth libgtk-3-0 x11-utils xdotool imagemagick fakeroot dpkg.
# Usage: installers/smoke.sh [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
shot=$(realpath -m "${1:-target/installer/smoke.png}")
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -ntp -q -Pinstaller package -DskipTests
fi
scratch=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$scratch"' EXIT

display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display XDG_DATA_HOME=$scratch/data target/installer/Databoost/bin/Databoost \
  >"$scratch/app.log" 2>&1 &
app=$!
id=""
for _ in $(seq 1 90); do
  id=$(DISPLAY=$display xwininfo -root -tree | awk '/"Databoost/ {print $1; exit}')
  [ -n "$id" ] && [ -d "$scratch/data/databoost/sample-roman-numerals/train" ] && break
  sleep 1
done
[ -n "$id" ] || { echo "FAIL: no window"; cat "$scratch/app.log"; exit 1; }
sleep 20 # let the sample load into the table
DISPLAY=$display import -window "$id" "$shot"
echo "screenshot: $shot"
# No window manager under Xvfb: give the window the keyboard with a click, then press Ctrl+Q.
DISPLAY=$display xdotool mousemove --window "$id" 600 400 click 1 sleep 1 key ctrl+q
for _ in $(seq 1 30); do kill -0 $app 2>/dev/null || break; sleep 1; done
if kill -0 $app 2>/dev/null; then echo "FAIL: still running after Ctrl+Q"; kill $app; exit 1; fi
wait $app && echo "app image: exited cleanly (code 0)"

deb=$(ls target/installer/databoost_*.deb)
dpkg-deb -I "$deb" | grep -E "Package|Version|Depends|Installed-Size"
dpkg -x "$deb" "$scratch/root"
launcher=$(find "$scratch/root" -path '*/bin/Databoost' -type f | head -n 1)
"$launcher" --version
echo "deb: $(du -h "$deb" | cut -f1), app image: $(du -sh target/installer/Databoost | cut -f1)"
echo "SMOKE OK"
