#!/usr/bin/env bash
# Installs what is missing, starts a private PostgreSQL and runs the whole test suite.
# Extra arguments go to pytest (e.g. `bash tools/test.sh tests/unit -x`). The tests run on every
# core (each test has its own databases); KARSAZ_TEST_WORKERS=0 runs them in one process.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_system_packages postgresql
ensure_venv test
start_test_postgres
trap stop_test_postgres EXIT
cd "$KARSAZ_ROOT"
"$VENV/bin/ruff" check desktop tests bench
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -n "${KARSAZ_TEST_WORKERS:-auto}" "$@"
