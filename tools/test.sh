#!/usr/bin/env bash
# Installs what is missing, starts a private PostgreSQL and runs the whole test suite.
# Extra arguments go to pytest (e.g. `bash tools/test.sh tests/unit -x`).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_system_packages postgresql
ensure_venv test
start_test_postgres
trap stop_test_postgres EXIT
cd "$KARSAZ_ROOT"
"$VENV/bin/ruff" check desktop tests bench
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest "$@"
