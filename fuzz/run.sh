#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/Package.swift (address sanitizer on) and runs each
# for SECONDS_PER_TARGET seconds (default 60), starting from the seed corpus in
# fuzz/corpus/<target without fuzz->/. Prints executions and crashes per target; exits 1 when any target
# crashed (the crashing inputs are kept in fuzz/.build/crashes/<target>/) or was built
# without coverage instrumentation. Coverage is libFuzzer's count of covered edges, corpus
# the inputs it kept (fuzz/.build/corpus/<target>/, grown across runs).
#
#   fuzz/run.sh            # 60 s per target
#   fuzz/run.sh 300        # five minutes per target
#   FUZZ_TARGETS="fuzz-csv fuzz-timecell" fuzz/run.sh 30
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
targets=${FUZZ_TARGETS:-"fuzz-scenario fuzz-policy fuzz-yamlpatch fuzz-csv fuzz-timecell fuzz-prometheus fuzz-agent-answer fuzz-kyverno"}

start=$(date +%s)
swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Build|Planning)' || true
bin=$(swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)
echo "fuzz build: $(( $(date +%s) - start )) s"

failed=0
printf '%-20s %14s %8s %9s %7s\n' target executions crashes coverage corpus
for t in $targets; do
  if [ ! -x "$bin/$t" ]; then echo "$t: not built"; failed=1; continue; fi
  work=.build/corpus/$t crashes=.build/crashes/$t log=.build/logs/$t.log
  rm -rf "$crashes"; mkdir -p "$work" "$crashes" "$(dirname "$log")"
  set +e
  "$bin/$t" "$work" "corpus/${t#fuzz-}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
  status=$?
  set -e
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
  # A target without coverage counters fuzzes blind: that is a broken build, not a pass.
  if ! grep -q 'inline 8-bit counters' "$log"; then
    printf '%-20s %14s %8s  (no coverage instrumentation)\n' "$t" "${execs:-?}" "?"
    failed=1
    continue
  fi
  found=$(find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  corp=$(grep -oE 'corp: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  printf '%-20s %14s %8s %9s %7s\n' "$t" "${execs:-?}" "$found" "${cov:-?}" "${corp:-?}"
  if [ "$found" -ne 0 ]; then
    failed=1
    grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" | head -n 8 || true
  fi
done
exit "$failed"
