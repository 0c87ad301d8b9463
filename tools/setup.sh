# Shared by tools/test.sh and tools/demo.sh: install what is missing, nothing more.
# Sourced, not run. Works as root or through sudo on Debian 12 (bookworm) and its kin.

KARSAZ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$KARSAZ_ROOT/.venv"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Qt's libraries for offscreen and X11 windows, fonts for rendering, PDF tools, PostgreSQL.
SYSTEM_PACKAGES=(
    python3-venv libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
    libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
    libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
    libxcb-xkb1 poppler-utils
)

ensure_system_packages() {
    local missing=()
    for pkg in "${SYSTEM_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "karsaz: installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}

# $1: the extra to install ("" or "test"). Reinstalls only when pyproject.toml changed.
ensure_venv() {
    local extra="${1:-}" stamp
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    stamp="$VENV/.karsaz-installed-$(sha256sum "$KARSAZ_ROOT/pyproject.toml" | cut -c1-16)-$extra"
    if [ ! -e "$stamp" ]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip
        if [ -n "$extra" ]; then
            "$VENV/bin/python" -m pip install -q -e "$KARSAZ_ROOT[$extra]"
        else
            "$VENV/bin/python" -m pip install -q -e "$KARSAZ_ROOT"
        fi
        touch "$stamp"
    fi
}

# Starts a private PostgreSQL cluster for the tests and exports KARSAZ_TEST_PG_URL.
start_test_postgres() {
    local bindir port data owner
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$bindir" ] || { echo "karsaz: PostgreSQL is not installed" >&2; return 1; }
    data="$(mktemp -d /tmp/karsaz-pg.XXXXXX)"
    owner="$(id -un)"
    # The server refuses to run as root: run it as the postgres account Debian created.
    [ "$(id -u)" -eq 0 ] && owner=postgres && chown postgres "$data"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    run_as() { if [ "$owner" = "$(id -un)" ]; then "$@"; else su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"; fi; }
    run_as "$bindir/initdb" -D "$data/db" -U karsaz -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    run_as "$bindir/pg_ctl" -D "$data/db" -l "$data/log" -w \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    export KARSAZ_TEST_PG_URL="postgresql+psycopg://karsaz@127.0.0.1:$port/postgres"
    KARSAZ_PG_STOP="$(printf '%q ' "$bindir/pg_ctl" -D "$data/db" -m immediate stop)"
    KARSAZ_PG_OWNER="$owner"
    KARSAZ_PG_DATA="$data"
}

stop_test_postgres() {
    [ -n "${KARSAZ_PG_STOP:-}" ] || return 0
    if [ "$KARSAZ_PG_OWNER" = "$(id -un)" ]; then eval "$KARSAZ_PG_STOP" >/dev/null 2>&1
    else su -s /bin/sh "$KARSAZ_PG_OWNER" -c "$KARSAZ_PG_STOP" >/dev/null 2>&1; fi
    rm -rf "$KARSAZ_PG_DATA"
}
