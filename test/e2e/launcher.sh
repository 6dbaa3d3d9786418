#!/bin/sh
# runTests() spawns its vscodeExecutablePath directly, so it needs an executable file: this one.
exec node "$(dirname "$0")/launcher.mjs" "$@"
