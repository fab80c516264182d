#!/usr/bin/env bash
# Configures (Ninja, ccache when present) and builds the given targets (default: everything).
# BUILD_DIR selects the build directory (default: build). Warnings are errors when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
    -DVIGIL_WERROR="$werror" >/dev/null
if [ "$#" -gt 0 ]; then
    cmake --build "$BUILD_DIR" --target "$@"
else
    cmake --build "$BUILD_DIR"
fi
