#!/usr/bin/env bash
# Fails if clang-format (the repository's .clang-format) would change any tracked C++ file, and
# names the files. Usage: check_format.sh SOURCE_DIR
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh installs it)"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core devices qml tests -name '*.cpp' -o -name '*.h')
# One clang-format process for all files (one per file costs a minute on a busy machine); it
# names each file it would change in its diagnostics.
status=0
output=$(clang-format --dry-run --Werror "${files[@]}" 2>&1) || status=$?
mapfile -t bad < <(printf '%s\n' "$output" |
    sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ "$status" != 0 ] && [ "${#bad[@]}" = 0 ]; then
    echo "clang-format failed (exit $status): $output"
    exit 1
fi
if [ "${#bad[@]}" -gt 0 ]; then
    echo "clang-format would change ${#bad[@]} file(s); run clang-format -i on:"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "${#files[@]} C++ files follow .clang-format"
