#!/usr/bin/env bash
# Builds the web app and runs Hushdesk on the embedded default: SQLite under ./data, the app on
# http://127.0.0.1:8080. On the first start it creates the administrator `root` and prints
# its password. Extra arguments go to `hushdesk serve` (e.g. --bind 127.0.0.1:9000).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hushdesk/target}"
if [ "$(id -u)" = 0 ] && ! command -v pkg-config >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pkg-config libpq-dev >/dev/null
fi
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
scripts/build-frontend.sh
cargo build --locked --release -p hushdesk
exec "$CARGO_TARGET_DIR/release/hushdesk" serve "$@"
