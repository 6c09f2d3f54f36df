#!/usr/bin/env bash
# make fuzz [TARGET=yaml|json|schema|ingest|document|export] [SECONDS=60]  (FUZZ_SECONDS here: bash owns $SECONDS)
#
# Builds dossier-fuzz with libFuzzer and AddressSanitizer (release, in .build/fuzz) and runs each
# target (or TARGET) for SECONDS seconds on one worker, starting from the committed seed corpus
# Fuzz/Corpus/TARGET; new inputs go to .build/fuzz/corpus/TARGET, crashes and timeouts to
# .build/fuzz/artifacts. Prints one summary line per target and appends it to
# .build/fuzz/campaigns.tsv (docs/reliability.md, "Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${TARGET:-"yaml json schema ingest document export"}
SCRATCH=.build/fuzz

resource_dir=$("$SWIFT" -print-target-info 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"])')
fuzzer_lib=$(ls "$resource_dir"/../clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1 || true)
if [ -z "$fuzzer_lib" ]; then
  echo "libFuzzer (libclang_rt.fuzzer_no_main) is not part of this Swift toolchain; see docs/reliability.md" >&2
  exit 1
fi

# -sanitize=fuzzer would link libFuzzer's own main(), which clashes with SwiftPM's renamed entry point
# of executable targets; so: ASan + the coverage libFuzzer needs, libFuzzer without main, and the
# driver calls LLVMFuzzerRunDriver itself (Fuzz/Sources/dossier-fuzz/main.swift).
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product dossier-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DDOSSIER_LIBFUZZER -Xlinker "$fuzzer_lib" -Xlinker -lstdc++ 2>&1 | grep -v 'ld.gold: warning' >&2
binary="$SCRATCH/release/dossier-fuzz"

mkdir -p "$SCRATCH/artifacts" "$SCRATCH/logs"
[ -f "$SCRATCH/campaigns.tsv" ] || printf 'date\ttarget\tseconds\texecutions\texec_per_s\tcoverage\tfeatures\tcorpus\tcrashes\ttimeouts\n' >"$SCRATCH/campaigns.tsv"
status=0
for target in $TARGETS; do
  mkdir -p "$SCRATCH/corpus/$target"
  dict=()
  [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=(-dict="Fuzz/Dictionaries/$target.dict")
  log="$SCRATCH/logs/$target-$(date -u +%Y%m%dT%H%M%S).log"
  set +e
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$binary" "$target" "$SCRATCH/corpus/$target" "Fuzz/Corpus/$target" "${dict[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$SCRATCH/artifacts/$target-" >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  speed=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')
  ft=$(grep -Eo 'ft: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')
  corp=$(grep -Eo 'corp: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')
  crashes=$(grep -c '^SUMMARY: \(AddressSanitizer\|libFuzzer: deadly\)\|^==.*ERROR: libFuzzer: deadly' "$log" || true)
  timeouts=$(grep -c 'ERROR: libFuzzer: timeout' "$log" || true)
  line="$(date -u +%Y-%m-%dT%H:%M:%SZ)\t$target\t$SECONDS_PER_TARGET\t${runs:-0}\t${speed:-0}\t${cov:-0}\t${ft:-0}\t${corp:-0}\t$crashes\t$timeouts"
  printf "$line\n" >>"$SCRATCH/campaigns.tsv"
  printf "%s: %s executions in %ss (%s exec/s), cov %s, ft %s, corpus %s, crashes %s, timeouts %s (log %s)\n" \
    "$target" "${runs:-0}" "$SECONDS_PER_TARGET" "${speed:-0}" "${cov:-0}" "${ft:-0}" "${corp:-0}" "$crashes" "$timeouts" "$log"
  if [ "$code" -ne 0 ]; then
    echo "$target: libFuzzer exited with $code; see $log and $SCRATCH/artifacts/" >&2
    status=1
  fi
done
exit $status
