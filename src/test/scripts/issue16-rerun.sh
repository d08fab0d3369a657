#!/usr/bin/env bash
# The adversarial rerun of issue 16's reproductions with the built jar, by hand as a script: each
# case prints what the user sees (the command's first lines and its exit code) and whether anything
# was written outside the dataset. Needs root for the real read-only and full-disk cases (a
# read-only bind mount and a 3 MB tmpfs); without root those are skipped with a reason.
# Usage: src/test/scripts/issue16-rerun.sh [WORK_DIR]      (default /tmp/issue16-rerun)
set -uo pipefail
cd "$(dirname "$0")/../../.."
jar="$PWD/target/databoost.jar"
[[ -f "$jar" ]] || { echo "build the jar first: mvn -B -ntp -q package -DskipTests" >&2; exit 2; }
w="$(realpath -m "${1:-/tmp/issue16-rerun}")"
mounts=()
cleanup() { for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done; }
trap cleanup EXIT
for m in "$w/ro" "$w/full"; do umount "$m" 2>/dev/null; done
rm -rf "$w" && mkdir -p "$w"
export XDG_DATA_HOME="$w/user-data"
db() { java -jar "$jar" "$@"; }

# show CASE COMMAND...: runs it and prints "CASE | exit N | first lines of its output"
show() {
  local name=$1 out rc
  shift
  out=$("$@" 2>&1)
  rc=$?
  # progress bars left out; an error line, when there is one, first
  out=$(grep -vE '^\s*$|\] +[0-9]+%' <<<"$out")
  out=$( (grep '^databoost:' <<<"$out"; grep -v '^databoost:' <<<"$out") | head -3 | tr '\n' ' ')
  printf '%-34s | exit %d | %s\n' "$name" "$rc" "${out:0:300}"
}
outside_files() { find "$w/outside" -type f | wc -l; }

p="$w/p"
db sample "$p" --train 8 --val 4 >/dev/null 2>&1
db history "$p" >/dev/null
img() { (cd "$p" && ls "$1" | head -"${2:-1}" | tail -1 | sed "s|^|$1/|"); }
mkdir -p "$w/outside/evil" "$w/outside/evil2" "$w/outside/trash"

echo "== 1. links"
ln -s "$w/outside/evil" "$p/train/evil"
show "1 relabel into a linked label" db relabel "$p" --to evil "$(img train/i)"
show "1 same with --new-label" db relabel "$p" --to evil --new-label "$(img train/i)"
ln -s "$w/outside/evil2" "$p/train/evil2"
cp "$p/$(img train/ii)" "$w/new.png"
show "1 add --label evil2" db add "$p" --label evil2 "$w/new.png"
ln -s loop "$p/train/loop"
show "1 relabel into a looping link" db relabel "$p" --to loop --new-label "$(img train/i)"
mv "$p/.databoost/trash" "$w/trash-was" 2>/dev/null
ln -s "$w/outside/trash" "$p/.databoost/trash"
show "1 delete with a linked trash" db delete "$p" "$(img train/iii)"
rm "$p/.databoost/trash" "$p/train/evil" "$p/train/evil2" "$p/train/loop"
echo "   files now outside the dataset: $(outside_files)"

echo "== 2. restore as the README documents it"
a=$(img train/iv) b=$(img val/v) c=$(img train/vi)
show "2 delete three" db delete "$p" "$a" "$b" "$c"
op=$(db history "$p" | awk '$4 == "delete" { id = $1 } END { print id }')
show "2 restore DIR --list" db restore "$p" --list
show "2 restore DIR TRASHED" db restore "$p" ".databoost/trash/$op/$a"
show "2 restore DIR -- TRASHED ORIGINAL" db restore "$p" -- ".databoost/trash/$op/$b" "$c"

echo "== 3. export guard"
show "3 export into the catalog" db export "$p" --out "$p/.databoost/catalog.sqlite"
show "3 history after it" db history "$p"
show "3 export into a label folder" db export "$p" --out "$p/train/i/r.xlsx"

echo "== 5. journal steps pointing outside"
d=$(img train/vii) e=$(img train/vii 2)
db delete "$p" "$d" "$e" >/dev/null
op=$(db history "$p" | awk '$4 == "delete" { id = $1 } END { print id }')
sqlite3 "$p/.databoost/catalog.sqlite" \
  "UPDATE steps SET src = '../../outside/x' || seq || '.png' WHERE op_id = $op"
show "5 undo of a tampered journal" db undo "$p"
echo "   files now outside the dataset: $(outside_files); in its trash: $(find "$p/.databoost/trash/$op" -type f | wc -l)"

echo "== 6. messages"
db evaluate "$p" --embeddings-only >/dev/null 2>&1 # a run to export
show "6 export to an unwritable folder" db export "$p" --out /proc/r.xlsx
[[ -d ../shared ]] && show "6 export to a read-only mount" db export "$p" --out "$(realpath ../shared)/r.xlsx"
printf '\xef\xbb\xbf%s\r\n' "$(img train/viii)" >"$w/list.txt"
show "6 --files-from with a BOM" db delete "$p" --files-from "$w/list.txt"
show "6 relabel to a typo" db relabel "$p" --to vl "$(img train/ix)"
echo "this is text" >"$w/text.png"
python3 - "$w/bomb.png" <<'EOF'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
row = zlib.compressobj()
data = b"".join(row.compress(b"\0" * 90001) for _ in range(200)) + row.flush()
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data)
                              + chunk(b"IEND", b""))
EOF
show "6 add a text .png and a bomb" db add "$p" --label i "$w/text.png" "$w/bomb.png"
q="$w/q" && cp -a "$p" "$q"
: >"$q/.databoost/catalog.sqlite" && rm -f "$q/.databoost/catalog.sqlite-wal"
show "6 an emptied catalog" db history "$q"
rm "$q/.databoost/catalog.sqlite"
show "6 a deleted catalog" db history "$q"
r="$w/r" && cp -a "$p" "$r" && chmod a-w "$r/.databoost"
show "6 a read-only .databoost: history" db history "$r"
show "6 a read-only .databoost: delete" db delete "$r" "$(img train/x)"
chmod u+w "$r/.databoost"
# history's count of a batch in which files vanished is a unit test (WorkspaceEditsTest: a file
# removed by another program between planning and moving); a race by hand is not repeatable
big="$w/big"
db sample "$big" --train 150 --val 40 >/dev/null 2>&1
java -jar "$jar" history "$big" >/dev/null 2>&1 &
k=$!
sleep 1.2
kill -9 $k
wait $k 2>/dev/null
show "6 kill during the first cataloguing" db history "$big"

if [[ $(id -u) == 0 ]]; then
  mkdir -p "$w/ro"
  if mount --bind "$p" "$w/ro" && mount -o remount,ro,bind "$w/ro"; then
    mounts+=("$w/ro")
    show "6 a truly read-only dataset: touch" touch "$w/ro/x"
    show "6 a truly read-only dataset: history" db history "$w/ro"
    show "6 ... and delete" db delete "$w/ro" "$(img train/x)"
  else
    echo "6 a truly read-only dataset: skipped, no bind mount here"
  fi
  [[ -d ../shared/datasets/roman-numerals/.databoost ]] &&
    show "6 the shared data (read-only mount)" db history ../shared/datasets/roman-numerals
  mkdir -p "$w/full"
  if mount -t tmpfs -o size=3m tmpfs "$w/full"; then
    mounts+=("$w/full")
    db sample "$w/full/d" --train 2 --val 1 --seed 5 >/dev/null 2>&1
    db history "$w/full/d" >/dev/null
    dd if=/dev/zero of="$w/full/filler" bs=64k 2>/dev/null
    show "6 a full disk: history" db history "$w/full/d"
    show "6 a full disk: delete" db delete "$w/full/d" "$(cd "$w/full/d" && ls train/i | head -1 | sed 's|^|train/i/|')"
    rm "$w/full/filler"
    show "6 the disk freed again: history" db history "$w/full/d"
  else
    echo "6 a full disk: skipped, no tmpfs mount here"
  fi
else
  echo "6 read-only and full-disk cases: skipped, they need root for a bind mount and a tmpfs"
fi
echo "== files outside the dataset at the end: $(outside_files)"
