#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is needed, builds, starts the demo HMI.
# Extra arguments go to vigil (e.g. --kiosk, --lang zh_CN, --exit-after 10).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh vigil
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "demo.sh: no display (DISPLAY/WAYLAND_DISPLAY unset). Run it in a desktop session, or" >&2
    echo "         set QT_QPA_PLATFORM=offscreen to run without showing a window." >&2
    exit 2
fi
exec build/bin/vigil --config resources/demo/plant.toml "$@"
