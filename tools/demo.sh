#!/usr/bin/env bash
# Installs what is missing and opens Karsaz on a demo office (made once, in .demo-data/).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_system_packages
ensure_venv
DEMO_DIR="${KARSAZ_DEMO_DIR:-$KARSAZ_ROOT/.demo-data}"
if [ ! -e "$DEMO_DIR/karsaz.sqlite3" ]; then
    "$VENV/bin/karsaz" --data-dir "$DEMO_DIR" demo --clients "${KARSAZ_DEMO_CLIENTS:-5000}"
else
    echo "karsaz: demo office in $DEMO_DIR (sign in as admin, password karsaz-demo)"
fi
exec "$VENV/bin/karsaz" --data-dir "$DEMO_DIR" gui
