#!/usr/bin/env bash
# Installs every Debian 12 package Vigil needs to build, run, test, package and screenshot.
# Non-interactive and idempotent; uses sudo when not run as root.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "setup.sh: not root and sudo is missing" >&2; exit 1; }
  SUDO="sudo"
fi

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git file dpkg-dev clang-format
  # Qt 6.4 (Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev qt6-virtualkeyboard-dev qt6-serialport-dev
  qt6-qpa-plugins qt6-wayland libgl-dev libxkbcommon-dev qt6-multimedia-dev
  libqt6sql6-sqlite libqt6sql6-psql
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtqml-workerscript qml6-module-qtquick-templates
  qml6-module-qtqml-models qml6-module-qttest qml6-module-qtcharts qml6-module-qtquick-shapes
  qml6-module-qtquick-virtualkeyboard qt6-virtualkeyboard-plugin qml6-module-qt-labs-folderlistmodel
  qml6-module-qtquick-dialogs qml6-module-qt-labs-settings
  # libraries
  libmodbus-dev libmosquitto-dev libssl-dev libtomlplusplus-dev libsystemd-dev libbenchmark-dev
  # real peers for the tests
  mosquitto mosquitto-clients python3 python3-pymodbus socat postgresql openssl
  python3-serial python3-serial-asyncio   # pymodbus' RTU server (Modbus tests)
  pulseaudio   # a sound server of their own for the alarm sound tests (null sink, pactl)
  # display, fonts, screenshots, kiosk compositor
  xvfb xauth imagemagick fonts-dejavu-core fonts-noto-cjk cage
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup.sh: installing ${#missing[@]} package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup.sh: all ${#PACKAGES[@]} packages present"
fi

# The packaged services are not needed: tests start their own brokers and servers on free ports.
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now mosquitto.service >/dev/null 2>&1 || true
fi
