#!/usr/bin/env bash
# Opens the workbench in a real window under Xvfb on a dataset (default: the built-in sample,
# generated afresh in a scratch data folder) and saves a screenshot of the window.
# Needs: apt-get install xvfb xauth libgtk-3-0 x11-utils imagemagick; run after
# 'mvn -q package -DskipTests'.
# Usage: src/test/scripts/screenshot.sh OUT.png [DATASET_DIR] [SECONDS_TO_WAIT]
set -euo pipefail
out=$(realpath -m "${1:?usage: screenshot.sh OUT.png [DATASET_DIR] [SECONDS]}")
dataset=${2:-}
wait=${3:-50}
cd "$(dirname "$0")/../../.."
scratch=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$scratch"' EXIT
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
args=()
[ -n "$dataset" ] && args=(open "$dataset")
DISPLAY=$display XDG_DATA_HOME=$scratch java -jar target/databoost.jar "${args[@]}" \
  >"$scratch/app.log" 2>&1 &
app=$!
sleep "$wait"
id=$(DISPLAY=$display xwininfo -root -tree | awk '/"Databoost/ {print $1; exit}')
if [ -z "$id" ]; then
  echo "no Databoost window appeared; log:" >&2
  cat "$scratch/app.log" >&2
  exit 1
fi
DISPLAY=$display import -window "$id" "$out"
echo "saved $out"
