#!/usr/bin/env bash
# Create .venv, install run-time + dev requirements, then run ruff (lint + format), mypy and pytest,
# browser tests included (they skip with a one-line hint where /usr/bin/chromium is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
