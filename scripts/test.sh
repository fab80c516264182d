#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is needed, builds everything and runs
# the whole test suite through ctest. CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure --timeout 600 -j "${CTEST_PARALLEL_LEVEL:-2}" "$@"
