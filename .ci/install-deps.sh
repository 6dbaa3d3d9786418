#!/usr/bin/env bash
# Installs the Debian packages that Berth's CI needs (real-editor tests and deploy tests).
# Idempotent: packages already installed are skipped, so a warm machine pays nothing.
# Usage: .ci/install-deps.sh            (must run as root, or with sudo available)
set -euo pipefail

PACKAGES=(
  # real-editor tests: code-server build deps, headless browser, second LSP client
  chromium ripgrep libkrb5-dev pkg-config neovim
  # image tools for the deploy tests (no Docker daemon needed)
  podman buildah skopeo docker-registry apache2-utils uidmap fuse-overlayfs
  # the pre-commit hook test (pre-commit try-repo against this clone)
  pre-commit
)

log() { printf '[install-deps] %s\n' "$*" >&2; }

is_installed() {
  # dpkg -s succeeds for removed-but-configured packages too; check the status line.
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    log "ERROR: not root and sudo is not available"; exit 1
  fi
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  log "all ${#PACKAGES[@]} packages already installed"
else
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${SUDO[@]}" apt-get update -qq; then
    log "ERROR: apt-get update failed"; exit 1
  fi
  if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    log "apt-get install of the whole set failed; retrying one by one to name the culprit"
    failed=()
    for pkg in "${missing[@]}"; do
      is_installed "$pkg" && continue
      "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$pkg" || failed+=("$pkg")
    done
    if ((${#failed[@]})); then
      log "ERROR: could not install Debian package(s): ${failed[*]}"; exit 1
    fi
  fi
  # Verify: apt can report success while a package ends up half-configured.
  still=()
  for pkg in "${missing[@]}"; do is_installed "$pkg" || still+=("$pkg"); done
  if ((${#still[@]})); then
    log "ERROR: package(s) not installed after apt-get: ${still[*]}"; exit 1
  fi
  log "installed: ${missing[*]}"
fi

# moto (Python) backs the AWS deploy tests. It cannot be installed from here; just say so.
if python3 -c 'import moto' >/dev/null 2>&1; then
  log "moto: $(python3 -c 'import moto; print(moto.__version__)')"
else
  log "WARNING: python3 cannot import moto; the deploy tests that need a local AWS endpoint will fail."
  log "         Provide moto (with Flask) in the python3 on PATH: python3 -m pip install 'moto[server]'"
fi
