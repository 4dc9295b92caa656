#!/usr/bin/env bash
# Builds the Leptos frontend into frontend/dist without trunk:
# cargo (wasm32) → wasm-bindgen → wasm-opt (npm binaryen) → dist/.
# Repeated runs with nothing changed only pay for cargo's no-op check.
#
# Env: HUSHDESK_TOOLS   where wasm-bindgen-cli lives (default ~/.cache/hushdesk/tools)
#      CARGO_TARGET_DIR must be outside the repo (default ~/.cache/hushdesk/target)
#      HUSHDESK_WEB_PROFILE  cargo profile (default wasm-release, what the README ships);
#                       wasm-fast (no LTO, parallel codegen) is for iterating on the app
set -euo pipefail

# Must match wasm-bindgen in Cargo.lock, or the generated glue fails at load.
WBG_VERSION=0.2.130
# Debian's binaryen 108 produces a bundle that breaks at load (WebAssembly.Table.set).
BINARYEN_VERSION=132

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

tools=${HUSHDESK_TOOLS:-$HOME/.cache/hushdesk/tools}
target_dir=$(realpath -m "${CARGO_TARGET_DIR:-$HOME/.cache/hushdesk/target}")
case "$target_dir/" in
"$repo"/*)
	echo "CARGO_TARGET_DIR ($target_dir) must be outside the repository" >&2
	exit 1
	;;
esac

dist=$repo/frontend/dist
stage=$target_dir/hushdesk-web-dist
profile=${HUSHDESK_WEB_PROFILE:-wasm-release}
wasm_in=$target_dir/wasm32-unknown-unknown/$profile/hushdesk-web.wasm
wbg=$tools/bin/wasm-bindgen
wasm_opt=$repo/node_modules/.bin/wasm-opt

# (a) wasm-bindgen-cli, pinned.
if [[ "$("$wbg" --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]]; then
	echo "==> installing wasm-bindgen-cli $WBG_VERSION into $tools (about 5 minutes)"
	# No --locked: its shipped lockfile pins a webpki-roots the index no longer offers.
	# Own temp target dir, so the install does not fill the frontend's.
	env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$WBG_VERSION" --root "$tools" --force
fi

# (b) wasm-opt from npm, as locked in package-lock.json.
if ! "$wasm_opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b" ||
	[[ package-lock.json -nt node_modules/.package-lock.json ]]; then
	echo "==> npm ci (binaryen $BINARYEN_VERSION)"
	npm ci --no-audit --no-fund
fi

# (c) compile.
echo "==> cargo build (wasm32, $profile) in $target_dir"
CARGO_TARGET_DIR=$target_dir cargo build -p hushdesk-web \
	--target wasm32-unknown-unknown --profile "$profile"

lock_wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [[ "$lock_wbg" != "$WBG_VERSION" ]]; then
	echo "Cargo.lock has wasm-bindgen $lock_wbg, this script pins $WBG_VERSION; update both" >&2
	exit 1
fi

# (d, e) bindgen + optimise into a staging dir, skipped when the input is unchanged.
stamp="$(sha256sum "$wasm_in" | cut -d' ' -f1) wbg=$WBG_VERSION binaryen=$BINARYEN_VERSION"
if [[ "$(cat "$stage/.stamp" 2>/dev/null || true)" != "$stamp" ]]; then
	echo "==> wasm-bindgen + wasm-opt -Oz"
	rm -rf "$stage"
	mkdir -p "$stage"
	"$wbg" --target web --no-typescript --out-name hushdesk_web --out-dir "$stage" "$wasm_in"
	"$wasm_opt" -Oz -o "$stage/hushdesk_web_bg.opt.wasm" "$stage/hushdesk_web_bg.wasm"
	mv "$stage/hushdesk_web_bg.opt.wasm" "$stage/hushdesk_web_bg.wasm"
	printf '%s\n' "$stamp" >"$stage/.stamp"
fi

# (f) publish; unchanged files keep their mtime so caches and watchers stay quiet.
mkdir -p "$dist"
publish() {
	cmp -s "$1" "$dist/$(basename "$1")" || cp "$1" "$dist/"
}
publish "$stage/hushdesk_web.js"
publish "$stage/hushdesk_web_bg.wasm"
publish "$repo/frontend/index.html"
publish "$repo/frontend/boot.js"
publish "$repo/frontend/style.css"

# (g) sizes.
size_line() {
	local f=$1 raw gz br
	raw=$(stat -c %s "$f")
	gz=$(gzip -9c "$f" | wc -c)
	if command -v brotli >/dev/null; then
		br=$(brotli -q 11 -c "$f" | wc -c)
	else
		br="n/a (no brotli CLI; apt install brotli)"
	fi
	printf '%-22s raw %8s  gzip -9 %8s  brotli -q11 %s\n' "$(basename "$f")" "$raw" "$gz" "$br"
}
echo "==> bundle in $dist"
size_line "$dist/hushdesk_web_bg.wasm"
size_line "$dist/hushdesk_web.js"
size_line "$dist/style.css"
