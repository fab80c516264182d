#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is needed, builds, starts the demo HMI.
# Extra arguments go to vigil (e.g. --kiosk, --lang zh_CN, --exit-after 10).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh vigil vigil-sim
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "demo.sh: no display (DISPLAY/WAYLAND_DISPLAY unset). Run it in a desktop session, or" >&2
    echo "         set QT_QPA_PLATFORM=offscreen to run without showing a window." >&2
    exit 2
fi

# History: on the first run (no history database yet) vigil-sim writes 24 hours of demo plant
# history ending now, so that the trends have hours to scroll back over, and the alarms of those
# hours into the alarm journal (when it does not exist yet either), so that the alarm history and
# the KPIs open with a day of data. The databases are the plant's: VIGIL_HISTORY_URL and
# VIGIL_DATABASE_URL when set (sqlite: only; a PostgreSQL database is left alone), else
# history.db and journal.db in VIGIL_DATA_DIR or the demo plant's data_dir. A failure never stops
# the demo.
DEMO_DATA="${VIGIL_DATA_DIR:-$HOME/.local/share/vigil/demo}"
DEMO_DATA=${DEMO_DATA/#\~\//$HOME/}
sqlite_path() { # URL-or-empty DEFAULT_FILE: the SQLite file, or nothing for another database
    if [ -z "$1" ]; then echo "$2"; elif [[ "$1" == sqlite:* ]]; then echo "${1#sqlite:}"; fi
}
DEMO_HISTORY=$(sqlite_path "${VIGIL_HISTORY_URL:-}" "$DEMO_DATA/history.db")
DEMO_JOURNAL=$(sqlite_path "${VIGIL_DATABASE_URL:-}" "$DEMO_DATA/journal.db")
if [ -n "$DEMO_HISTORY" ] && [ ! -e "$DEMO_HISTORY" ]; then
    echo "demo.sh: writing 24 h of demo plant history into $DEMO_HISTORY (first run)"
    JOURNAL_ARGS=()
    if [ -n "$DEMO_JOURNAL" ] && [ ! -e "$DEMO_JOURNAL" ]; then
        mkdir -p "$(dirname "$DEMO_JOURNAL")" && chmod 700 "$(dirname "$DEMO_JOURNAL")"
        JOURNAL_ARGS=(--journal "$DEMO_JOURNAL")
    fi
    if ! build/bin/vigil-sim --backfill-history "$DEMO_HISTORY" --hours 24 "${JOURNAL_ARGS[@]}" \
        --config resources/demo/plant.toml >/dev/null; then
        echo "demo.sh: warning: no demo history written; the trends start empty" >&2
    fi
fi

PIDS=()
CABLE_DIR=/tmp/vigil-demo
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -f "$CABLE_DIR/wi101" "$CABLE_DIR/wi101.sim"
}
trap cleanup EXIT

# MQTT: vigil-sim also publishes the unit through a broker on loopback, the plant's broker_url
# (VIGIL_BROKER_URL, default mqtt://127.0.0.1:1883). If no broker listens there, a mosquitto is
# started for the demo and stopped with it.
BROKER_URL=${VIGIL_BROKER_URL:-mqtt://127.0.0.1:1883}
SIM_MQTT=()
if [[ "$BROKER_URL" =~ ^mqtt://(127\.0\.0\.1|localhost)(:([0-9]+))?/?$ ]]; then
    BROKER_PORT=${BASH_REMATCH[3]:-1883}
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; then
        BROKER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/vigil-demo-mosquitto.XXXXXX")
        chmod 755 "$BROKER_DIR"
        printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stdout\n' \
            "$BROKER_PORT" >"$BROKER_DIR/mosquitto.conf"
        chmod 644 "$BROKER_DIR/mosquitto.conf"
        mosquitto -c "$BROKER_DIR/mosquitto.conf" >"$BROKER_DIR/mosquitto.log" 2>&1 &
        PIDS+=($!)
        for _ in $(seq 50); do
            (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null && break
            sleep 0.1
        done
        echo "demo.sh: started mosquitto on 127.0.0.1:$BROKER_PORT (log: $BROKER_DIR/mosquitto.log)"
    fi
    SIM_MQTT=(--mqtt "127.0.0.1:$BROKER_PORT")
else
    echo "demo.sh: broker $BROKER_URL is not plain MQTT on loopback: vigil-sim publishes no MQTT" >&2
fi

# Serial: the unit's weigh scale WI-101 talks ASCII over a virtual serial cable, a socat pty pair
# linked as $CABLE_DIR/wi101 (the demo plant's serial port) and $CABLE_DIR/wi101.sim (vigil-sim's
# end). If socat dies (the cable pulled) it is restarted and both ends reopen by themselves.
if ! command -v socat >/dev/null; then
    echo "demo.sh: socat is missing (scripts/setup.sh installs it)" >&2
    exit 1
fi
mkdir -p "$CABLE_DIR" 2>/dev/null || true
if [ ! -w "$CABLE_DIR" ]; then
    echo "demo.sh: cannot write $CABLE_DIR (the demo plant's serial port lives there)" >&2
    exit 1
fi
cable() {
    local socat_pid=
    trap '[ -n "$socat_pid" ] && kill "$socat_pid" 2>/dev/null; exit 0' TERM INT
    while true; do
        socat pty,raw,echo=0,link="$CABLE_DIR/wi101" pty,raw,echo=0,link="$CABLE_DIR/wi101.sim" &
        socat_pid=$!
        wait "$socat_pid" || true
        sleep 1
    done
}
cable &
PIDS+=($!)

# The unit's process runs in vigil-sim, served over Modbus TCP on the port the demo plant names
# (and over MQTT, and its scale on the serial cable); it is stopped when the demo exits. It runs
# the operator's shift routine from minute 52 of its cycle: the pump stops 3 minutes in, the tank
# passes its high level and the alarms come and go within the first minutes.
SIM_PORT=15502
SIM_LOG="${TMPDIR:-/tmp}/vigil-sim-demo.log"
build/bin/vigil-sim --tcp "127.0.0.1:$SIM_PORT" "${SIM_MQTT[@]}" --serial "$CABLE_DIR/wi101.sim" \
    --routine 52 \
    >"$SIM_LOG" 2>&1 &
SIM_PID=$!
PIDS+=("$SIM_PID")
for _ in $(seq 50); do
    grep -q "ready" "$SIM_LOG" 2>/dev/null && [ -e "$CABLE_DIR/wi101" ] && break
    if ! kill -0 "$SIM_PID" 2>/dev/null; then
        echo "demo.sh: vigil-sim did not start:" >&2
        cat "$SIM_LOG" >&2
        exit 1
    fi
    sleep 0.1
done

# The HMI runs as a child so that a TERM or Ctrl-C to this script reaches it too.
VIGIL_PID=
trap '[ -n "$VIGIL_PID" ] && kill "$VIGIL_PID" 2>/dev/null' TERM INT HUP
build/bin/vigil --config resources/demo/plant.toml "$@" &
VIGIL_PID=$!
status=0
wait "$VIGIL_PID" || status=$?
if kill -0 "$VIGIL_PID" 2>/dev/null; then # a signal ended the wait: let the HMI close
    status=0
    wait "$VIGIL_PID" || status=$?
fi
exit "$status"
