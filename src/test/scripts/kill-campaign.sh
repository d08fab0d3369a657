#!/usr/bin/env bash
# The kill -9 campaign for the jobs that run in a relaunched child JVM: evaluate and boost. Each
# case starts the real command (`java -jar target/databoost.jar ...`, which restarts itself in a
# child JVM), waits for a stage in its progress output, then kills the parent or the child with
# SIGKILL, and checks:
#   - after a parent kill, the child is gone within 5 s (it watches its parent);
#   - the dataset opens again (lock released) and no original image is lost or changed;
#   - every image on disk that was not there before is accounted for by an edit in the history;
#   - a Boost round killed after its write and before its retraining is marked
#     "added, not retrained" (child killed) or was undone by the child's cancel (parent killed).
# Not part of the unit tests (minutes of training). Needs target/databoost.jar (mvn package).
# Usage: src/test/scripts/kill-campaign.sh [WORK_DIR]     prints one line per case, exit 1 on a failure
set -uo pipefail
cd "$(dirname "$0")/../../.."

work="${1:-target/kill-campaign}"
jar="$PWD/target/databoost.jar"
[[ -f "$jar" ]] || { echo "build the jar first: mvn -B -ntp -q package -DskipTests" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"
failures=0

db() { java -jar "$jar" "$@"; }

# sha1 of every image outside .databoost, as "hash path" lines, sorted by path
images() { (cd "$1" && find . -path ./.databoost -prune -o -type f -name '*.png' -print0 \
  | xargs -0 sha1sum | sort -k2); }

# waits until FILE has a line matching PATTERN (extended regex) or T seconds pass; 0 when found
wait_for() {
  local file=$1 pattern=$2 t=$3 i=0
  while (( i < t * 10 )); do
    grep -qE -- "$pattern" "$file" 2>/dev/null && return 0
    sleep 0.1; i=$((i + 1))
  done
  return 1
}

# run_case NAME WHO(parent|child) PATTERN DELAY EXPECT(none|unchecked|any) COMMAND...
run_case() {
  local name=$1 who=$2 pattern=$3 delay=$4 expect=$5; shift 5
  local data="$work/$name/data" log="$work/$name/log.txt"
  mkdir -p "$work/$name"
  cp -r "$work/base" "$data"
  local before; before=$(images "$data")
  db "$@" "$data" > "$log" 2>&1 &
  local parent=$!
  if ! wait_for "$log" "$pattern" 900; then
    echo "FAIL $name: never saw '$pattern'"; failures=$((failures + 1))
    kill -9 "$parent" 2>/dev/null; pkill -9 -P "$parent" 2>/dev/null; return
  fi
  sleep "$delay"
  local child; child=$(pgrep -P "$parent" java | head -1)
  [[ -n "$child" ]] || { echo "FAIL $name: no child JVM"; failures=$((failures + 1)); return; }
  local t0; t0=$(date +%s.%N)
  if [[ $who == parent ]]; then kill -9 "$parent"; else kill -9 "$child"; fi
  local gone=""
  for _ in $(seq 1 100); do
    if ! kill -0 "$child" 2>/dev/null; then gone=yes; break; fi
    sleep 0.05
  done
  local secs; secs=$(echo "$(date +%s.%N) - $t0" | bc)
  if [[ -z $gone ]]; then
    echo "FAIL $name: the child $child still runs 5 s after the $who was killed"
    failures=$((failures + 1)); kill -9 "$child" 2>/dev/null
  fi
  wait "$parent" 2>/dev/null
  local history; history=$(db history "$data" 2>&1); local hc=$?
  local after; after=$(images "$data")
  local lost; lost=$(comm -23 <(echo "$before") <(echo "$after") | wc -l)
  local added; added=$(comm -13 <(echo "$before") <(echo "$after") | wc -l)
  local unchecked=no
  grep -q "added, not retrained" <<< "$history" && unchecked=yes
  local verdict=ok
  (( hc == 0 )) || verdict="history failed ($hc)"
  (( lost == 0 )) || verdict="$lost original images lost or changed"
  case $expect in
    none) (( added == 0 )) || verdict="$added images added and left in place" ;;
    unchecked) [[ $unchecked == yes ]] || verdict="the written round is not marked" ;;
  esac
  if (( added > 0 )) && [[ $unchecked == no ]] && ! grep -q "Boost round" <<< "$history"; then
    verdict="$added new images that no edit accounts for"
  fi
  [[ $verdict == ok ]] || failures=$((failures + 1))
  printf '%-4s %-34s killed %-6s child gone after %5.2f s; lost %d, added %d, marked %s%s\n' \
    "$([[ $verdict == ok ]] && echo ok || echo FAIL)" "$name" "$who" "$secs" "$lost" "$added" \
    "$unchecked" "$([[ $verdict == ok ]] || echo " — $verdict")"
}

db sample "$work/base" --train 12 --val 6 --seed 3 > /dev/null || exit 2
EVAL=(evaluate --preset quick --folds 2 --epochs 2 --threads 1)
BOOST=(boost --preset quick --epochs 2 --threads 1 --candidates 600 --k 3 --rounds 1)

run_case eval-parent-checking parent "Checking images" 0 none "${EVAL[@]}"
run_case eval-parent-fold1 parent "fold 1/2: train epoch" 1 none "${EVAL[@]}"
run_case eval-parent-fold2 parent "fold 2/2: train epoch" 1 none "${EVAL[@]}"
run_case eval-child-fold1 child "fold 1/2: train epoch" 1 none "${EVAL[@]}"
run_case boost-parent-baseline parent "Training the baseline" 2 none "${BOOST[@]}"
run_case boost-parent-after-write parent "Writing chosen candidates.*100%" 0 none "${BOOST[@]}"
run_case boost-child-after-write child "Writing chosen candidates.*100%" 0 unchecked "${BOOST[@]}"
run_case boost-parent-retraining parent "Writing chosen candidates.*100%" 6 none "${BOOST[@]}"
echo "$failures failure(s)"
(( failures == 0 ))
