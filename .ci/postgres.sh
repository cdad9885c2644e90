# Install (if needed) and start a throwaway PostgreSQL server on 127.0.0.1 for the test run.
# Sets CARECIRCLE_TEST_POSTGRES_URL; stop_postgres removes the cluster again.

# A free port unless one is given, so a server already running here is never in the way.
PG_PORT="${PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
PG_DIR="$(mktemp -d /tmp/carecircle-pg.XXXXXX)"

pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
    if [ -z "$(pg_bin)" ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq postgresql >/dev/null
    fi
    local bin
    bin="$(pg_bin)"
    chown postgres "$PG_DIR" 2>/dev/null || true
    local as_postgres=()
    if [ "$(id -u)" = 0 ]; then as_postgres=(runuser -u postgres --); fi
    "${as_postgres[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR" start >/dev/null
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres carecircle_test
    export CARECIRCLE_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/carecircle_test"
    PG_CTL_STOP=("${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop)
}

stop_postgres() {
    "${PG_CTL_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
