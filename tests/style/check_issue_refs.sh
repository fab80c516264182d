#!/usr/bin/env bash
# Fails if a source, CMake, shell, Python, TOML or QML file names an issue number ("issue #3",
# "issue 3", "(#3)"): a comment says why the code is as it is; which issue asked for it belongs
# in git log, where it cannot go stale. Usage: check_issue_refs.sh SOURCE_DIR
set -euo pipefail
cd "$1"
pattern='[Ii]ssue[[:space:]]*#?[0-9]|\(#[0-9]'
globs=('*.cpp' '*.h' '*.qml' '*.js' '*CMakeLists.txt' '*.cmake' '*.sh' '*.py' '*.toml' '.ci/*')
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # Tracked and new (untracked, not ignored) files, so a reference is caught before commit.
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- "${globs[@]}")
else
    mapfile -t files < <(find . -path ./build -prune -o -type f \( -name '*.cpp' -o -name '*.h' \
        -o -name '*.qml' -o -name '*.js' -o -name CMakeLists.txt -o -name '*.cmake' -o -name '*.sh' \
        -o -name '*.py' -o -name '*.toml' \) -print)
fi
# This script names the pattern it looks for; it is the one file allowed to.
self=tests/style/check_issue_refs.sh
hits=$(for f in "${files[@]}"; do
    [ "$f" = "$self" ] || [ "$f" = "./$self" ] || [ ! -f "$f" ] && continue
    grep -nHE "$pattern" "$f" || true
done)
if [ -n "$hits" ]; then
    echo "Comments name issue numbers; say why the code is so instead (history is in git log):"
    printf '%s\n' "$hits"
    exit 1
fi
echo "${#files[@]} files name no issue numbers"
