#!/usr/bin/env bash
# The logic of the hindsight GitHub Action (action.yml): for a pull request, run
# `hindsight check` for every autoscaling policy the pull request adds or changes,
# baseline = the file at the pull request's base commit (git:BASE:PATH), candidate = the
# file in the checkout; lint the changed policies against the guardrail rules (SARIF for
# code scanning); write one summary.md for the pull-request comment and the job summary.
#
# Reads the environment GitHub sets: GITHUB_EVENT_PATH (the pull_request event: base
# commit and number), GITHUB_BASE_REF (fallback base: origin/<branch>), GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE. The action's inputs arrive as:
#   HINDSIGHT_SCENARIOS   scenario files, space-separated (required)
#   HINDSIGHT_POLICIES    path globs of policy files, space-separated (default: *.yaml *.yml)
#   HINDSIGHT_RULES       guardrail rule files or folders, space-separated (optional)
#   HINDSIGHT_OUT         output folder (default: reports/hindsight)
#   HINDSIGHT_BIN         the hindsight binary (default: hindsight on PATH)
#   HINDSIGHT_ALLOW_EXEC  "true" passes --allow-exec (default false; see README "Security":
#                         never for pull requests from forks)
# Outputs (GITHUB_OUTPUT): exit-code, changed (paths, space-separated), summary (path),
# sarif (path, empty without rules), pr-number.
# Exit code: 0 all budgets and guardrails hold (or no policy changed), 1 one broke,
# 2 bad input (a scenario, a policy or a rule that does not load).
set -uo pipefail

die() { echo "hindsight action: $*" >&2; exit 2; }
bin=${HINDSIGHT_BIN:-hindsight}
out=${HINDSIGHT_OUT:-reports/hindsight}
read -r -a scenarios <<< "${HINDSIGHT_SCENARIOS:-}"
read -r -a globs <<< "${HINDSIGHT_POLICIES:-*.yaml *.yml}"
read -r -a rules <<< "${HINDSIGHT_RULES:-}"
[ "${#scenarios[@]}" -gt 0 ] || die "no scenario: set the action's 'scenarios' input"
cd "${GITHUB_WORKSPACE:-.}" || die "cannot enter GITHUB_WORKSPACE"

# The base commit: the event's pull_request.base.sha, else origin/$GITHUB_BASE_REF.
base=""
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  base=$(python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); print(((e.get("pull_request") or {}).get("base") or {}).get("sha") or "")' "$GITHUB_EVENT_PATH" 2>/dev/null || true)
  pr=$(python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); print((e.get("pull_request") or {}).get("number") or "")' "$GITHUB_EVENT_PATH" 2>/dev/null || true)
fi
pr=${pr:-}
if [ -z "$base" ] || ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  [ -n "${GITHUB_BASE_REF:-}" ] || die "no base: not a pull_request event (GITHUB_EVENT_PATH) and GITHUB_BASE_REF is empty"
  base="origin/$GITHUB_BASE_REF"
  git rev-parse --verify -q "$base^{commit}" >/dev/null || die "base $base is not in the checkout; use actions/checkout with fetch-depth: 0"
fi

# Changed policy files: added, copied, modified or renamed since the base, matching the
# globs, holding a policy kind hindsight simulates.
changed=()
while IFS= read -r path; do
  [ -n "$path" ] && [ -f "$path" ] || continue
  match=false
  for g in "${globs[@]}"; do
    # shellcheck disable=SC2053
    [[ "$path" == $g ]] && match=true
  done
  $match || continue
  grep -qE '^kind:[[:space:]]*["'\'']?(HorizontalPodAutoscaler|ScaledObject|AIOptimizationPolicy)["'\'']?[[:space:]]*(#.*)?$' "$path" || continue
  changed+=("$path")
done < <(git diff --name-only --diff-filter=ACMR "$base" HEAD --)

rm -rf "$out"
mkdir -p "$out"
summary="$out/summary.md"
status=0
worst() { if [ "$1" -eq 2 ] || [ "$status" -eq 2 ]; then status=2; elif [ "$1" -eq 1 ]; then status=1; fi; }
allow=()
[ "${HINDSIGHT_ALLOW_EXEC:-false}" = "true" ] && allow=(--allow-exec)

{
  echo "## hindsight: autoscaling policies of this pull request"
  echo
  echo "Base: \`$(git rev-parse --short "$base")\`; scenarios: ${scenarios[*]}"
  echo
} > "$summary"

if [ "${#changed[@]}" -eq 0 ]; then
  echo "No autoscaling policy changed." >> "$summary"
fi
for path in "${changed[@]}"; do
  safe=$(printf '%s' "$path" | tr -c 'A-Za-z0-9._-' '-')
  if git cat-file -e "$base:$path" 2>/dev/null; then
    baseline="git:$base:$path"
    note="baseline \`$path\` at the base commit"
  else
    baseline="$path"
    note="a new policy: compared with itself (no baseline), guardrails still apply"
  fi
  echo "== hindsight check ${scenarios[*]} --baseline $baseline --candidate $path ${allow[*]}"
  "$bin" check "${scenarios[@]}" --baseline "$baseline" --candidate "$path" --out "$out/$safe" --no-history "${allow[@]}" \
    > "$out/$safe.log" 2>&1
  code=$?
  cat "$out/$safe.log"
  worst "$code"
  {
    echo "### \`$path\` ($note)"
    echo
    if [ -f "$out/$safe/summary.md" ]; then cat "$out/$safe/summary.md"; else
      echo '```'; tail -n 20 "$out/$safe.log"; echo '```'
    fi
    echo
  } >> "$summary"
done

sarif=""
if [ "${#rules[@]}" -gt 0 ] && [ "${#changed[@]}" -gt 0 ]; then
  sarif="$out/lint.sarif"
  rule_args=()
  for r in "${rules[@]}"; do rule_args+=(--rules "$r"); done
  echo "== hindsight lint ${changed[*]} ${rule_args[*]}"
  "$bin" lint "${changed[@]}" "${rule_args[@]}" --format sarif --output "$sarif" > "$out/lint.txt" 2>&1
  code=$?
  cat "$out/lint.txt"
  worst "$code"
  [ "$code" -eq 2 ] && sarif=""
  { echo "### Guardrails"; echo; echo '```'; cat "$out/lint.txt"; echo '```'; } >> "$summary"
fi

case $status in
  0) verdict="✅ every budget and guardrail holds" ;;
  1) verdict="❌ a budget or guardrail broke" ;;
  *) verdict="⚠️ bad input: see the job log" ;;
esac
printf '\n**%s**\n' "$verdict" >> "$summary"

[ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat "$summary" >> "$GITHUB_STEP_SUMMARY"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$status"
    echo "changed=${changed[*]}"
    echo "summary=$summary"
    echo "sarif=$sarif"
    echo "pr-number=$pr"
  } >> "$GITHUB_OUTPUT"
fi
exit "$status"
