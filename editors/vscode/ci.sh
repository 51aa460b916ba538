#!/usr/bin/env bash
# CI of the VS Code extension (called by .ci/run; runs alone too, from any folder):
#   1. the generated grammar and language configuration match the keyword table;
#   2. the grammar gives the expected scopes on the sample files (vscode-tmgrammar-test);
#   3. the client starts the server as configured (node:test, VS Code replaced by a stand-in);
#   4. the extension packages as a .vsix that holds the grammar, the client and its dependencies.
# npm ci installs exactly package-lock.json; nothing is written outside this folder but a
# temporary .vsix (removed on exit).
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"

echo "== vscode: generated files"
"$PYTHON" scripts/generate.py --check

echo "== vscode: npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== vscode: grammar scopes"
npx --no-install vscode-tmgrammar-test -g syntaxes/netralrules.tmLanguage.json "tests/*.nr"

echo "== vscode: client"
node --test tests/

echo "== vscode: package"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
npx --no-install vsce package --allow-missing-repository --out "$out/netralrules.vsix" > "$out/vsce.log" || { cat "$out/vsce.log"; exit 1; }
listing="$(unzip -l "$out/netralrules.vsix")"
for needed in extension/package.json extension/extension.js extension/language-configuration.json \
    extension/syntaxes/netralrules.tmLanguage.json extension/snippets/netralrules.json extension/snippets/cases.json \
    extension/node_modules/vscode-languageclient/package.json; do
    grep -q " $needed\$" <<< "$listing" || { echo "missing from the .vsix: $needed" >&2; exit 1; }
done
if grep -qE " extension/(tests|scripts)/" <<< "$listing"; then
    echo "tests or scripts packaged into the .vsix" >&2
    exit 1
fi
echo "packaged: $(du -h "$out/netralrules.vsix" | cut -f1)"
