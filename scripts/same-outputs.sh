#!/usr/bin/env bash
# Proves "no behaviour change": runs scenarios with the binary built from BASE (a git
# revision, default HEAD) and with the working tree, and compares summary.json,
# timeseries-*.csv and decisions-*.csv byte for byte.
#
#   scripts/same-outputs.sh [BASE] [SCENARIO...]
#
# Default scenarios: demo, ai-vs-hpa, keda, gpu-serving, agent. The base's outputs are
# cached under .build-same/out/<commit>/ so a second comparison only builds the tree.
# Exit 0 when every file is identical, 1 when one differs, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=${1:-HEAD}
shift || true
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(demo ai-vs-hpa keda gpu-serving agent)

sha=$(git rev-parse --verify "$base^{commit}" 2>/dev/null) || { echo "same-outputs: no such revision '$base'" >&2; exit 2; }
work="$root/.build-same"
mkdir -p "$work/out"

# Runs one scenario with binary $1 into $2; agents are allowed where the binary knows the flag.
run_all() {
  local bin=$1 dest=$2 scen_root=$3 allow=()
  if "$bin" run --help 2>/dev/null | grep -q -- '--allow-exec'; then allow=(--allow-exec); fi
  # Comparing outputs is not a run worth keeping: no reports/history.sqlite in the tree.
  if "$bin" run --help 2>/dev/null | grep -q -- '--no-history'; then allow+=(--no-history); fi
  for s in "${scenarios[@]}"; do
    (cd "$scen_root" && "$bin" run "scenarios/$s.yaml" --out "$dest/$s" --quiet "${allow[@]}") \
      || { echo "same-outputs: $s failed with $bin" >&2; return 1; }
  done
}

if [ ! -f "$work/out/$sha/.complete" ]; then
  rm -rf "$work/src" "$work/out/$sha"
  git worktree remove --force "$work/src" 2>/dev/null || true
  git worktree add --detach "$work/src" "$sha" >/dev/null
  (cd "$work/src" && swift build -c release --product hindsight --scratch-path "$work/build-base" >/dev/null)
  run_all "$work/build-base/release/hindsight" "$work/out/$sha" "$work/src"
  touch "$work/out/$sha/.complete"
  git worktree remove --force "$work/src"
fi

swift build -c release --product hindsight >/dev/null
head_out="$work/out/tree"
rm -rf "$head_out"
run_all "$root/.build/release/hindsight" "$head_out" "$root"

differ=0 same=0
for s in "${scenarios[@]}"; do
  for f in "$work/out/$sha/$s"/summary.json "$work/out/$sha/$s"/timeseries-*.csv "$work/out/$sha/$s"/decisions-*.csv; do
    name=${f#"$work/out/$sha/"}
    if [ ! -f "$head_out/$name" ]; then echo "missing  $name"; differ=$((differ + 1))
    elif cmp -s "$f" "$head_out/$name"; then same=$((same + 1))
    else echo "differs  $name"; differ=$((differ + 1)); fi
  done
done
echo "same-outputs: $same identical, $differ different (base ${sha:0:10}, scenarios: ${scenarios[*]})"
[ "$differ" -eq 0 ]
