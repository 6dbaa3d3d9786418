#!/usr/bin/env bash
# Prepares the real-editor test environment:
#   1. Debian packages (.ci/install-deps.sh: chromium, ripgrep, neovim, ...)
#   2. code-server 4.100.3 (VS Code 1.100.3) from npm, built to work as root without GitHub downloads,
#      in a cache folder outside the repo. Reused when it already reports the right version.
# Prints the code-server entry path as the last line of stdout.
# Env: BERTH_E2E_CACHE (default ~/.cache/berth-e2e), BERTH_SKIP_DEPS=1 to skip the apt step.
set -euo pipefail

CS_VERSION=4.100.3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${BERTH_E2E_CACHE:-$HOME/.cache/berth-e2e}
DEST="$CACHE/code-server-$CS_VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
step() { # step <description> <command...>: runs a command, failing loudly with its name
  local what=$1; shift
  log "$what"
  "$@" || die "step failed: $what (command: $*)"
}

if [[ ${BERTH_SKIP_DEPS:-0} != 1 ]]; then
  "$REPO/.ci/install-deps.sh" || die ".ci/install-deps.sh failed"
fi
command -v rg >/dev/null || die "ripgrep (rg) is not on PATH"

installed_version() {
  [[ -f $ENTRY ]] || return 1
  # A first run logs "Wrote default config file" before the version; pass a config of our own
  # so nothing is written to ~/.config, and pick the version line out of the output.
  node "$ENTRY" --config "$DEST/version-check.yaml" --version 2>/dev/null \
    | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code' | awk '{print $1}' | head -n1
}

if [[ $(installed_version || true) == "$CS_VERSION" ]]; then
  log "code-server $CS_VERSION already installed in $DEST"
else
  log "installing code-server $CS_VERSION into $DEST"
  mkdir -p "$CACHE"
  # Build in a scratch folder next to the destination and move it in only when complete,
  # so an interrupted run never leaves a half-built cache that looks valid.
  TMP=$(mktemp -d "$CACHE/.code-server-build.XXXXXX")
  trap 'rm -rf "$TMP"' EXIT
  cd "$TMP"
  echo '{"name":"berth-e2e-code-server","private":true}' > package.json
  export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  # Its postinstall refuses root and downloads from GitHub; we do its steps by hand below.
  step "npm install code-server@$CS_VERSION (scripts off)" \
    npm install --no-save --ignore-scripts --loglevel=error "code-server@$CS_VERSION"
  # argon2 would download a prebuilt binary from GitHub; build it from source instead.
  step "build argon2 from source" npm rebuild argon2 --build-from-source --loglevel=error
  VS="$TMP/node_modules/code-server/lib/vscode"
  cd "$VS"
  step "npm install VS Code's own dependencies" npm install --omit=dev --ignore-scripts --loglevel=error
  # @vscode/ripgrep's postinstall downloads rg unless bin/ exists: give it Debian's rg.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  step "rebuild native modules (node-pty, kerberos, ...)" npm rebuild --loglevel=error
  rm -rf node_modules.asar && ln -s node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  step "npm install built-in extensions' dependencies" \
    bash -c 'cd extensions && npm install --omit=dev --loglevel=error'
  cd "$CACHE"
  rm -rf "$DEST"
  chmod 755 "$TMP"
  mv "$TMP" "$DEST"
  trap - EXIT
  got=$(installed_version || true)
  [[ $got == "$CS_VERSION" ]] || die "code-server built but 'entry.js --version' printed '${got:-nothing}', not $CS_VERSION"
  log "code-server $CS_VERSION ready"
fi

echo "$ENTRY"
