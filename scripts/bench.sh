#!/usr/bin/env bash
# make bench [N=1000] [JOBS=2] [VALIDATE=1]: dossier build and the Python peer side by side on a
# generated corpus (../shared/bench/gen_corpus.py), wall time, peak RSS and the ratio.
# See docs/performance.md.
set -euo pipefail
N=${N:-1000}
JOBS=${JOBS:-2}
VALIDATE=${VALIDATE:-0}
SWIFT=${SWIFT:-swift}
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
if [ ! -f "$bench/gen_corpus.py" ] || [ ! -f "$bench/peer_pipeline.py" ]; then
  echo "make bench: $bench is absent (it holds gen_corpus.py and peer_pipeline.py); nothing to compare." >&2
  echo "Put the shared benchmark folder beside the repository (../shared/bench) and run it again." >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "make bench: /usr/bin/time (GNU time, apt package 'time') is needed to measure peak RSS." >&2
  exit 2
fi
cd "$root"
work=.build/bench
mkdir -p "$work"
venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import yaml, jsonschema_rs, lxml' 2>/dev/null; then
  echo "bench: preparing the peer's virtual environment in $venv (pyyaml, jsonschema-rs, lxml)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyyaml jsonschema-rs lxml
fi
corpus=$work/corpus-$N
if [ ! -f "$corpus/.complete" ]; then
  rm -rf "$corpus"
  echo "bench: generating $N documents in $corpus" >&2
  python3 "$bench/gen_corpus.py" "$corpus" "$N" >/dev/null
  touch "$corpus/.complete"
fi
echo "bench: building dossier (release)" >&2
$SWIFT build -c release --product dossier >/dev/null
dossier=.build/release/dossier

# measure LABEL COMMAND... : runs once under /usr/bin/time -v; prints "LABEL seconds peak_MB".
measure() {
  local label=$1
  shift
  local log=$work/time-$label.log
  if ! /usr/bin/time -v -o "$log" "$@" >"$work/out-$label.log" 2>&1; then
    echo "bench: '$label' failed; its output is in $work/out-$label.log" >&2
    tail -5 "$work/out-$label.log" >&2
    exit 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  echo "$label $wall $rss"
}

# The previous outputs are moved aside, and deleted only after the runs: on ext4 without a journal
# (this machine kind), creating files after deleting thousands makes the kernel skip every recently
# freed inode one by one (`recently_deleted`: freed less than 60 s ago, or less than 6 minutes ago
# once a new inode dirties the same inode table block, which a build does at once). That would charge
# the harness's own cleanup to whichever tool runs first (measured: 0.2 s of system time per 1,000
# documents on a settled file system, 1 to 2.5 s right after a cleanup; docs/performance.md). So a
# run started less than 6 minutes after the previous run's cleanup (the time is kept in
# $work/.cleaned) waits first; BENCH_SETTLE_SECONDS changes the wait (0 skips it).
settle=${BENCH_SETTLE_SECONDS:-370}
if [ -f "$work/.cleaned" ]; then
  wait=$(($(cat "$work/.cleaned") + settle - $(date +%s)))
  if [ "$wait" -gt 0 ]; then
    echo "bench: waiting ${wait} s: the previous run's outputs were deleted less than ${settle} s ago" >&2
    echo "       (ext4 skips recently freed inodes one by one; BENCH_SETTLE_SECONDS=0 skips the wait)" >&2
    sleep "$wait"
  fi
fi
trash=$work/trash-$$
mkdir -p "$trash"
for old in dossier-out peer-out; do
  if [ -e "$work/$old" ]; then mv "$work/$old" "$trash/$old"; fi
done
trap 'rm -rf "$trash"; date +%s >"$work/.cleaned"' EXIT
mkdir -p "$work/dossier-out" "$work/peer-out"
d=$(measure dossier-build "$dossier" build --input "$corpus/Input" --output "$work/dossier-out/Exports" --jobs "$JOBS")
p=$(measure peer "$venv/bin/python" "$bench/peer_pipeline.py" "$corpus" "$work/peer-out" \
  --schema Schemas/annotation.schema.json --jobs "$JOBS")
v=""
if [ "$VALIDATE" != 0 ]; then
  v=$(measure dossier-validate "$dossier" validate --input "$corpus/Input" --reporter json)
fi
read -r _ dw dr <<<"$d"
read -r _ pw pr <<<"$p"
echo
echo "corpus: $N documents ($(du -sh "$corpus/Input" | cut -f1)), --jobs $JOBS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %9s %12s\n' tool "wall (s)" "peak RSS (MB)"
printf '%-18s %9s %12s\n' "dossier build" "$dw" "$dr"
printf '%-18s %9s %12s\n' "peer (Python)" "$pw" "$pr"
if [ -n "$v" ]; then
  read -r _ vw vr <<<"$v"
  printf '%-18s %9s %12s\n' "dossier validate" "$vw" "$vr"
fi
awk -v d="$dw" -v p="$pw" 'BEGIN { if (d > 0) printf "ratio: dossier build is %.2fx the peer'"'"'s speed (peer wall / dossier wall)\n", p / d }'
