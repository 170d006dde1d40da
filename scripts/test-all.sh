#!/usr/bin/env bash
# Runs every test suite on a fresh Debian 12 machine (root; npm registry + Debian packages only):
#   1. unit, protocol and grammar tests (mocha)
#   2. the sbatch-agreement and cluster tests against a real Slurm 22.05 started here
#   3. extension tests inside a real VS Code 1.139 workbench (code-server, headless Chromium)
# Installs what it needs itself. Prints one closing line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
LOG_DIR=${LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hpcw-tests.XXXXXX")}
passed=0; failed=0; broken=()
t0=$(date +%s)
step() { echo; echo "=== $* ($(( $(date +%s) - t0 )) s)"; }

# Adds the counts of a mocha run (spec reporter) or of a "N passed, N failed" line to the totals.
count() { # $1 = log file, $2 = suite name, $3 = exit status
  local log=$1 name=$2 rc=$3 p f
  p=$(grep -Eo '^ *[0-9]+ passing' "$log" | tail -1 | grep -Eo '[0-9]+')
  f=$(grep -Eo '^ *[0-9]+ failing' "$log" | tail -1 | grep -Eo '[0-9]+')
  if [ -z "$p" ] && grep -Eq '[0-9]+ passed, [0-9]+ failed' "$log"; then
    p=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | awk '{print $1}')
    f=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | awk '{print $3}')
  fi
  p=${p:-0}; f=${f:-0}
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi   # a suite that crashed counts as a failure
  passed=$((passed + p)); failed=$((failed + f))
  [ "$rc" = 0 ] || broken+=("$name")
  echo "--- $name: $p passed, $f failed (exit $rc)"
}

step "packages"
if ! command -v sbatch >/dev/null || ! command -v chromium >/dev/null || ! command -v shellcheck >/dev/null; then
  apt-get update -qq
fi

step "npm ci + build"
npm ci --no-audit --no-fund >"$LOG_DIR/npm-ci.log" 2>&1 || { tail -30 "$LOG_DIR/npm-ci.log"; echo "tests: 0 passed, 1 failed"; exit 1; }
npm run build >"$LOG_DIR/build.log" 2>&1 || { cat "$LOG_DIR/build.log"; echo "tests: 0 passed, 1 failed"; exit 1; }

step "real VS Code: workbench setup (also gives the grammar test VS Code's own shell grammar)"
bash scripts/setup-e2e.sh 2>&1 | tee "$LOG_DIR/e2e-setup.log"; e2e_ready=${PIPESTATUS[0]}

step "unit, protocol and grammar tests"
npx mocha 2>&1 | tee "$LOG_DIR/unit.log"; count "$LOG_DIR/unit.log" unit "${PIPESTATUS[0]}"

step "real Slurm: start the test cluster"
if bash scripts/test-cluster.sh 2>&1 | tee "$LOG_DIR/cluster-start.log"; then
  step "real Slurm: agreement and cluster tests"
  REQUIRE_CLUSTER=1 npx mocha --no-config --timeout 600000 --reporter spec 'out/test/cluster/**/*.test.js' 'out/test/queue/cluster/**/*.test.js' 2>&1 | tee "$LOG_DIR/cluster.log"
  count "$LOG_DIR/cluster.log" cluster "${PIPESTATUS[0]}"
else
  count "$LOG_DIR/cluster-start.log" cluster-start 1
fi

step "real VS Code: extension tests"
if [ "$e2e_ready" = 0 ]; then
  E2E_SCREENSHOT=${E2E_SCREENSHOT:-$LOG_DIR/workbench.png} bash scripts/e2e.sh 2>&1 | tee "$LOG_DIR/e2e.log"
  count "$LOG_DIR/e2e.log" e2e "${PIPESTATUS[0]}"
else
  count "$LOG_DIR/e2e-setup.log" e2e-setup 1
fi

echo
echo "logs: $LOG_DIR; total time $(( $(date +%s) - t0 )) s"
[ ${#broken[@]} -eq 0 ] || echo "failed suites: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ ${#broken[@]} -eq 0 ]
