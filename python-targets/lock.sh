#!/usr/bin/env bash
# Regenerates requirements.lock (exact versions and sha256 hashes) from requirements.in with pip-tools.
# pip-tools is installed into a throwaway venv under the temp directory, never into the project.
# Run it with the interpreter the targets run with (CPython 3.11 on x86_64 for the reference machines):
#   ./lock.sh                     # uses python3
#   PYTHON=python3.12 ./lock.sh   # another interpreter
#   ./lock.sh --upgrade           # extra arguments go to pip-compile: also move indirect dependencies to
#                                 # their newest versions (by default they keep their current pins)
# Index settings come from the user's pip configuration and are deliberately not written into the lock.
set -euo pipefail

PIP_TOOLS_VERSION=7.6.2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/pairbench-lock.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

"$python" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --no-input "pip-tools==$PIP_TOOLS_VERSION"

cd "$here"
CUSTOM_COMPILE_COMMAND="python-targets/lock.sh" \
  "$tmp/venv/bin/pip-compile" \
    --quiet \
    --generate-hashes \
    --allow-unsafe \
    --no-emit-index-url \
    --no-emit-trusted-host \
    --no-emit-find-links \
    --strip-extras \
    --output-file requirements.lock \
    "$@" \
    requirements.in
echo "wrote $here/requirements.lock"
