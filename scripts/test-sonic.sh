# Sourced by scripts/test.sh: installs sonic-server into the tools cache when absent (one
# ~25-minute build, then cached), starts it on 127.0.0.1 with a throwaway data directory,
# and exports HUSHDESK_TEST_SONIC for the integration tests that run against it.

SONIC_VERSION=1.10.2
SONIC_PASSWORD=hushdesk-test
sonic_dir=""
sonic_pid=""

install_sonic() {
  local bin="$HUSHDESK_TOOLS/bin/sonic"
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "$SONIC_VERSION"; then
    return
  fi
  # librocksdb-sys runs bindgen on every build: libclang-dev is required.
  CARGO_TARGET_DIR="$HUSHDESK_CACHE/sonic-build" \
    cargo install sonic-server --version "$SONIC_VERSION" --locked --root "$HUSHDESK_TOOLS"
}

start_test_sonic() {
  install_sonic
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  sonic_dir=$(mktemp -d /tmp/hushdesk-sonic.XXXXXX)
  # The shipped configuration, so the tests check the settings Hushdesk documents.
  sed -e "s|@INET@|127.0.0.1:$port|" -e "s|@PASSWORD@|$SONIC_PASSWORD|" -e "s|@DATA@|$sonic_dir|" \
    "$(dirname "${BASH_SOURCE[0]}")/../contrib/sonic/config.cfg" >"$sonic_dir/config.cfg"
  "$HUSHDESK_TOOLS/bin/sonic" -c "$sonic_dir/config.cfg" >"$sonic_dir/log" 2>&1 &
  sonic_pid=$!
  local i
  for i in $(seq 1 50); do
    # Read the banner and say QUIT: a client that hangs up before Sonic has written its
    # banner makes Sonic's channel thread panic on the broken pipe (harmless, but it reads
    # like a crash in the log).
    if (exec 3<>"/dev/tcp/127.0.0.1/$port" && read -r -t 2 _ <&3 && printf 'QUIT\r\n' >&3 \
      && read -r -t 2 _ <&3) 2>/dev/null; then
      export HUSHDESK_TEST_SONIC="127.0.0.1:$port"
      export HUSHDESK_TEST_SONIC_PASSWORD="$SONIC_PASSWORD"
      echo "Sonic on $HUSHDESK_TEST_SONIC"
      return
    fi
    sleep 0.2
  done
  echo "Sonic did not start:" >&2
  cat "$sonic_dir/log" >&2
  return 1
}

stop_test_sonic() {
  if [ -n "$sonic_pid" ]; then
    kill "$sonic_pid" 2>/dev/null || true
    wait "$sonic_pid" 2>/dev/null || true
  fi
  if [ -n "$sonic_dir" ]; then
    rm -rf "$sonic_dir"
  fi
}
