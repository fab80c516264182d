#!/usr/bin/env bash
# Configures (Ninja, ccache when present) and builds the given targets (default: everything).
# BUILD_DIR selects the build directory (default: build). Warnings are errors when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
# CI=true turns warnings into errors; otherwise the build dir keeps what it was configured with,
# so switching between the test and the demo command never forces a full rebuild.
extra=()
[ "${CI:-}" = "true" ] && extra+=(-DVIGIL_WERROR=ON)
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
    "${extra[@]}" >/dev/null
if [ "$#" -gt 0 ]; then
    cmake --build "$BUILD_DIR" --target "$@"
else
    cmake --build "$BUILD_DIR"
fi
