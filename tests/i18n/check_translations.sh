#!/usr/bin/env bash
# Fails if a shipped translation lacks a string: runs lupdate over the current sources into a
# copy of each .ts file and counts unfinished or missing translations.
# Usage: check_translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t sources < <(find "$src/qml" "$src/app" "$src/devices" "$src/core" -name '*.qml' -o -name '*.cpp' | sort)
status=0
for ts in "$src"/translations/vigil_*.ts; do
    copy=$tmp/$(basename "$ts")
    cp "$ts" "$copy"
    "$lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts "$copy" >/dev/null
    unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
    if [ "$unfinished" != 0 ]; then
        echo "$(basename "$ts"): $unfinished string(s) without a translation:"
        grep -B3 'type="unfinished"' "$copy" | grep '<source>' | sed 's/^ */  /'
        status=1
    else
        echo "$(basename "$ts"): complete"
    fi
done
exit $status
