#!/usr/bin/env bash
# The kill -9 campaign for the jobs that run in a relaunched child JVM: evaluate and boost. Each
# case starts the real command (`java -jar target/databoost.jar ...`, which restarts itself in a
# child JVM: the "parent" is that java -jar, the "child" the JVM it started), waits for a stage in
# its progress output, then sends SIGKILL to the parent, the child or both at once, and checks:
#   - no process is left: after a parent kill the child stops by itself (it watches its parent),
#     after a child kill the parent ends;
#   - the next open works (lock released), reports no damage and no "changes made outside", and a
#     second open reports nothing (the catalog matches the disk);
#   - nothing is lost: every file that was in the dataset (outside .databoost) is still there,
#     byte for byte;
#   - every file that is new in the dataset was added by a Boost round the history shows in place,
#     and a round in place that has no retrained run is marked "added, not retrained";
#   - nothing is written outside the dataset: the case folder holds only the dataset, the logs and
#     the per-case user data folder, and that holds no image and no workspace state.
# Not part of the unit tests (minutes of training). Needs target/databoost.jar (mvn package).
# Usage: src/test/scripts/kill-campaign.sh [WORK_DIR [CASE_NAME_REGEX]]
#   prints one line per case and a summary, exit 1 on a failure
set -uo pipefail
cd "$(dirname "$0")/../../.."

work="$(realpath -m "${1:-target/kill-campaign}")"
only="${2:-.}"
jar="$PWD/target/databoost.jar"
[[ -f "$jar" ]] || { echo "build the jar first: mvn -B -ntp -q package -DskipTests" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"
failures=0
cases=0

# every file of a dataset outside .databoost, as "sha1  path" lines, in plain byte order
files() { (cd "$1" && find . -path ./.databoost -prune -o -type f -print0 | xargs -0 -r sha1sum \
  | LC_ALL=C sort); }

# waits until FILE has N lines matching PATTERN (extended regex) or T seconds pass; 0 when found
wait_for() {
  local file=$1 pattern=$2 n=$3 t=$4 i=0
  while ((i < t * 20)); do
    (($(grep -cE -- "$pattern" "$file" 2>/dev/null) >= n)) && return 0
    kill -0 "$parent" 2>/dev/null || return 1
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# waits until none of the PIDs runs, at most T seconds; prints the seconds it took
wait_gone() {
  local t=$1 t0 p alive
  shift
  t0=$(date +%s.%N)
  while :; do
    alive=0
    for p in "$@"; do
      # a zombie parent (killed, not yet reaped by this shell) counts as gone
      [[ -n $p ]] && kill -0 "$p" 2>/dev/null && [[ $(ps -o stat= -p "$p") != Z* ]] && alive=1
    done
    ((alive == 0)) && break
    if (($(echo "$(date +%s.%N) - $t0 > $t" | bc))); then
      echo "timeout"
      return 1
    fi
    sleep 0.05
  done
  printf '%.2f' "$(echo "$(date +%s.%N) - $t0" | bc)"
}

# run_case NAME WHO(parent|child|both) PATTERN N DELAY COMMAND...: kills DELAY s after the Nth
# output line that matches PATTERN
run_case() {
  local name=$1 who=$2 pattern=$3 n=$4 delay=$5
  shift 5
  [[ $name =~ $only ]] || return 0
  cases=$((cases + 1))
  local dir="$work/$name"
  local data="$dir/data" log="$dir/log.txt" xdg="$dir/user-data"
  mkdir -p "$dir"
  cp -a "$work/base" "$data"
  local before
  before=$(files "$data")
  XDG_DATA_HOME="$xdg" java -jar "$jar" "$@" "$data" >"$log" 2>&1 &
  parent=$!
  local verdict=ok child="" workers="" secs="-"
  if ! wait_for "$log" "$pattern" "$n" 600; then
    verdict="never saw '$pattern' $n times"
  else
    sleep "$delay"
    child=$(pgrep -P "$parent" java | head -1)
    if [[ -z $child ]]; then
      verdict="no child JVM under $parent"
    else
      # evaluate's fold workers (`train-worker`, children of the child) must go too: they watch
      # their parent as the child watches its own
      workers=$(pgrep -P "$child" java | tr '\n' ' ')
      case $who in
        parent) kill -9 "$parent" ;;
        child) kill -9 "$child" ;;
        both) kill -9 "$parent" "$child" ;;
      esac
      # the child has 20 s to cancel (a Boost round undoes its write) before it exits by itself
      # shellcheck disable=SC2086
      secs=$(wait_gone 30 "$parent" "$child" $workers) || verdict="a process still runs 30 s after the kill"
    fi
  fi
  # shellcheck disable=SC2086
  kill -9 "$parent" $child $workers 2>/dev/null
  wait "$parent" 2>/dev/null

  # the next open, then a second one that must have nothing to report
  local h1 h2 rc1 rc2
  h1=$(XDG_DATA_HOME="$xdg" java -jar "$jar" history "$data" 2>&1)
  rc1=$?
  h2=$(XDG_DATA_HOME="$xdg" java -jar "$jar" history "$data" 2>&1)
  rc2=$?
  printf '%s\n--- second open\n%s\n' "$h1" "$h2" >"$dir/history.txt"
  local after lost new placed unchecked
  after=$(files "$data")
  lost=$(LC_ALL=C comm -23 <(echo "$before") <(echo "$after") | grep -c .)
  new=$(LC_ALL=C comm -13 <(echo "$before") <(echo "$after") | grep -c .)
  # files of add edits in place (done, not undone), as the history counts them
  placed=$(awk '$4 == "add" && $5 == "done" && !/\(undone\)/ { n += $6 } END { print n + 0 }' \
    <<<"$h2")
  unchecked=$(grep -c "(added, not retrained)" <<<"$h2")
  # what the next open said before the history table, if anything
  local said
  said=$(sed -n '/^ *# *time\|^No edits yet/q;p' <<<"$h1" | head -1 | cut -c1-70)
  local outside
  outside=$(cd "$dir" && find . -path ./data -prune -o -type f -print \
    | grep -vE '^\./(log\.txt|history\.txt)$|^\./user-data/databoost/(logs|native)/' | head -3)
  local stray
  stray=$(LC_ALL=C comm -13 <(echo "$before" | awk '{ print $2 }' | LC_ALL=C sort) \
    <(echo "$after" | awk '{ print $2 }' | LC_ALL=C sort) | grep -vE '^\./train/[^/]+/[^/]+\.png$' | head -3)

  if [[ $verdict == ok ]]; then
    if ((rc1 != 0 || rc2 != 0)); then
      verdict="history failed ($rc1/$rc2)"
    elif grep -qiE "outside Databoost|rebuilt|damaged" <<<"$h1"; then
      verdict="the next open reported: $(grep -iE "outside|rebuilt|damaged" <<<"$h1" | head -1)"
    elif ! head -1 <<<"$h2" | grep -qE '^ +# +time|^No edits yet'; then
      verdict="the second open still reported: $(head -1 <<<"$h2")"
    elif ((lost > 0)); then
      verdict="$lost original files lost or changed"
    elif ((new != placed)); then
      verdict="$new new files on disk, $placed added by edits in place"
    elif [[ -n $stray ]]; then
      verdict="new files outside train/<label>/: $stray"
    elif ((new > 0 && unchecked == 0)) && ! grep -q "^Round" "$log"; then
      verdict="$new added files in place, neither retrained nor marked"
    elif [[ -n $outside ]]; then
      verdict="written outside the dataset: $outside"
    fi
  fi
  [[ $verdict == ok ]] || failures=$((failures + 1))
  printf '| %-28s | %-6s | %-36s | %6s | %4d | %4d | %3d | %s | %s |\n' "$name" "$who" \
    "${pattern:0:30} #$n +${delay}s" "$secs" "$lost" "$new" "$unchecked" "${said:--}" \
    "$([[ $verdict == ok ]] && echo ok || echo "FAIL: $verdict")"
}

XDG_DATA_HOME="$work/user-data" java -jar "$jar" sample "$work/base" --train 40 --val 20 --seed 3 \
  >/dev/null 2>&1 || exit 2
# catalogue it once, so that every case starts from a dataset Databoost has seen
XDG_DATA_HOME="$work/user-data" java -jar "$jar" history "$work/base" >/dev/null || exit 2
EVAL=(evaluate --preset quick --folds 2 --epochs 3 --threads 1)
BOOST=(boost --preset quick --epochs 2 --threads 1 --candidates 4000 --k 8 --rounds 1)

echo "| case | killed | when (Nth output line matching, + delay) | gone s | lost | new | marked | next open said | verdict |"
echo "|---|---|---|---|---|---|---|---|---|"
for who in parent child both; do
  run_case "eval-$who-scan" "$who" "^Checking images" 1 0 "${EVAL[@]}"
  run_case "eval-$who-training" "$who" "^fold 1/2: train epoch 2" 1 0 "${EVAL[@]}"
  run_case "eval-$who-embeddings" "$who" "^Computing embeddings" 1 0 "${EVAL[@]}"
  run_case "eval-$who-results" "$who" "^nearest neighbours" 1 0 "${EVAL[@]}"
  run_case "boost-$who-baseline" "$who" "^train epoch 1/" 1 1 "${BOOST[@]}"
  run_case "boost-$who-adding" "$who" "^Copying new images" 1 0 "${BOOST[@]}"
  run_case "boost-$who-after-write" "$who" "^Writing chosen candidates.*100%" 1 0 "${BOOST[@]}"
  # the third scan is the retraining's: baseline, the pool's, then the one after the write
  run_case "boost-$who-retraining" "$who" "^Checking images .* 0%" 3 3 "${BOOST[@]}"
done
echo "$failures failure(s) in $cases case(s)"
((failures == 0))
