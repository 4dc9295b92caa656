# Sourced by scripts/test.sh: makes sure a PostgreSQL with trust auth answers for the tests.
# Uses the machine's server on 127.0.0.1:5432 when it lets `postgres` in without a password;
# otherwise starts a private, throwaway cluster on 127.0.0.1 that stops with the tests.

pg_private_dir=""

pg_bin() {
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
  [ -n "$v" ] && echo "/usr/lib/postgresql/$v/bin"
}

start_test_postgres() {
  if [ -n "${HUSHDESK_TEST_PG:-}" ]; then
    echo "using HUSHDESK_TEST_PG"
    return
  fi
  if psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    export HUSHDESK_TEST_PG="postgres://postgres@127.0.0.1:5432/postgres"
    echo "using the PostgreSQL on 127.0.0.1:5432"
    return
  fi
  local bin port
  bin=$(pg_bin)
  if [ -z "$bin" ]; then
    echo "no PostgreSQL server binaries (install the postgresql package)" >&2
    return 1
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_private_dir=$(mktemp -d /tmp/hushdesk-pg.XXXXXX)
  chmod 755 "$pg_private_dir"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg_private_dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$pg_private_dir/data" -A trust -U postgres >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$pg_private_dir/data" -l "$pg_private_dir/log" -w \
    -o "-p $port -k $pg_private_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export HUSHDESK_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres"
  echo "started a private PostgreSQL on 127.0.0.1:$port"
}

stop_test_postgres() {
  if [ -n "$pg_private_dir" ] && [ -d "$pg_private_dir/data" ]; then
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$(pg_bin)/pg_ctl" -D "$pg_private_dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pg_private_dir"
  fi
}
