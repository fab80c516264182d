#!/usr/bin/env bash
# Fails if clang-format (the repository's .clang-format) would change any tracked C++ file, and
# names the files. Usage: check_format.sh SOURCE_DIR
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh installs it)"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core devices qml tests -name '*.cpp' -o -name '*.h')
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
    echo "clang-format would change ${#bad[@]} file(s); run clang-format -i on:"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "${#files[@]} C++ files follow .clang-format"
