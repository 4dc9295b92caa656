#!/usr/bin/env python3
"""Benchmark of the supporters' app (a program, not a test).

1. Bundle size of the built app (frontend/dist): raw, gzip -9 and brotli -q 11.
2. *Needs answer* on a queue holding 10,000 waiting tickets, cold, in Debian's headless
   Chromium (Playwright, no browser download): a fresh browser context per run (empty cache),
   logged in by cookie; time from navigation start until the first page of tickets is shown
   with its total, and until `j` has moved the focus into the list (interactive).
   Median of 5 runs.
Baselines measured in the same run: the app's login form (same bundle, no data), cold,
and the JSON call behind the view, through plain HTTP.

Writes the section `## Supporters' app (Leptos WASM)` at the end of BENCHMARKS.md (replacing
an earlier one) unless --no-write, and prints it.

Usage: e2e/bench/app_bench.py [--tickets 10000] [--runs 5] [--no-write]
Env:   HUSHDESK_BIN (server binary; default $CARGO_TARGET_DIR/debug/hushdesk), CHROMIUM.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import gzip
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import requests
from playwright.sync_api import sync_playwright

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from hushdesk_server import REPO, WEB_DIR, Server  # noqa: E402

SECTION = "## Supporters' app (Leptos WASM)"
BUNDLE_LIMIT = 400 * 1024
INTERACTIVE_LIMIT_MS = 1000.0
ADMIN_PW = 'bench-Root-pw-1'
SUPPORTER, SUPPORTER_PW = 'benchsup', 'bench-Sup-pw-1'
REQUESTOR, REQUESTOR_PW = 'req@bench.example', 'bench-Req-pw-1'
QUEUE = 'Bench'
CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
]


def sizes(path: pathlib.Path) -> tuple[int, int, int]:
    data = path.read_bytes()
    br = subprocess.run(['brotli', '-q', '11', '-c', str(path)], capture_output=True, check=True).stdout
    return len(data), len(gzip.compress(data, 9)), len(br)


def seed(srv: Server, n: int) -> float:
    """`n` tickets written by an unprivileged requestor, so all need an answer; seconds taken."""
    srv.cli('queue', 'add', QUEUE, '--language', 'en')
    srv.cli('user', 'add', SUPPORTER, '--password', SUPPORTER_PW, '--privileged', '--real-name', 'Bench Supporter')
    srv.cli('right', 'grant', '--user', SUPPORTER, '--queue', QUEUE, 'SeeQueue', 'ShowTicket', 'ReplyToTicket',
            'CommentOnTicket', 'OwnTicket', 'ModifyTicket')
    srv.cli('user', 'add', REQUESTOR, '--email', REQUESTOR, '--password', REQUESTOR_PW)
    srv.cli('right', 'grant', '--user', REQUESTOR, '--queue', QUEUE, 'CreateTicket', 'SeeQueue')
    token = srv.token(REQUESTOR)
    srv.start()
    base = f'{srv.url}/REST/2.0'
    local = threading.local()

    def create(i: int) -> None:
        s = getattr(local, 's', None)
        if s is None:
            s = local.s = requests.Session()
            s.headers['Authorization'] = f'token {token}'
        r = s.post(f'{base}/ticket', json={
            'Queue': QUEUE, 'Requestor': REQUESTOR,
            'Subject': f'Bench ticket {i}: Tails does not boot on laptop model {i % 97}',
            'Content': f'Message {i}. After the upgrade my laptop shows a black screen.'})
        if r.status_code != 201:
            raise RuntimeError(f'create {i}: {r.status_code} {r.text[:200]}')

    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(8) as pool:
        list(pool.map(create, range(n)))
    elapsed = time.monotonic() - t0
    return elapsed


def session_cookie(srv: Server) -> dict:
    r = requests.post(f'{srv.url}/REST/2.0/hushdesk/login', json={'username': SUPPORTER, 'password': SUPPORTER_PW}, timeout=30)
    r.raise_for_status()
    c = next(c for c in r.cookies)
    return {'name': c.name, 'value': c.value, 'url': srv.url}


def cold_runs(browser, srv: Server, cookie: dict | None, path: str, ready: str, runs: int, press_j: bool) -> list[tuple[float, float]]:
    """(shown ms, interactive ms) since navigation start, each in a fresh context."""
    out = []
    for _ in range(runs):
        ctx = browser.new_context(viewport={'width': 1280, 'height': 800})
        if cookie:
            ctx.add_cookies([cookie])
        page = ctx.new_page()
        page.goto(f'{srv.url}{path}', wait_until='commit')
        page.wait_for_selector(ready, timeout=30_000)
        shown = page.evaluate('performance.now()')
        if press_j:
            page.keyboard.press('j')
            page.wait_for_function("document.activeElement && document.activeElement.classList.contains('row-link')", timeout=10_000)
        else:
            page.focus('#login-user')
        interactive = page.evaluate('performance.now()')
        out.append((shown, interactive))
        ctx.close()
    return out


def api_times(srv: Server, cookie: dict, qid: int, runs: int) -> list[float]:
    s = requests.Session()
    s.cookies.set(cookie['name'], cookie['value'])
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = s.get(f'{srv.url}/REST/2.0/hushdesk/view/needs-answer', params={'queue': qid}, headers={'Accept': 'application/json'}, timeout=60)
        out.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return out


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--tickets', type=int, default=10_000)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--no-write', action='store_true')
    args = ap.parse_args()

    wasm, js = WEB_DIR / 'hushdesk_web_bg.wasm', WEB_DIR / 'hushdesk_web.js'
    if not wasm.is_file():
        print(f'no built app in {WEB_DIR}: run scripts/build-frontend.sh', file=sys.stderr)
        return 2
    wasm_s, js_s = sizes(wasm), sizes(js)
    css = WEB_DIR / 'style.css'
    css_s = sizes(css) if css.is_file() else (0, 0, 0)

    work = pathlib.Path(tempfile.mkdtemp(prefix='hushdesk-app-bench-'))
    srv = Server(work, {'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW})
    try:
        srv.start()
        srv.stop()
        seed_s = seed(srv, args.tickets)
        cookie = session_cookie(srv)
        sidebar = requests.get(f'{srv.url}/REST/2.0/hushdesk/sidebar', cookies={cookie['name']: cookie['value']},
                               headers={'Accept': 'application/json'}, timeout=30).json()
        qid = next(q['id'] for q in sidebar['queues'] if q['name'] == QUEUE)
        total = requests.get(f'{srv.url}/REST/2.0/hushdesk/view/needs-answer', params={'queue': qid},
                             cookies={cookie['name']: cookie['value']}, headers={'Accept': 'application/json'}, timeout=60).json()['total']
        if total != args.tickets:
            raise RuntimeError(f'needs-answer holds {total} tickets, expected {args.tickets}')
        api_ms = api_times(srv, cookie, qid, max(args.runs, 5))
        exe = os.environ.get('CHROMIUM', '/usr/bin/chromium')
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
            version = browser.version
            # One warm-up of each (starts the browser's processes), not counted.
            cold_runs(browser, srv, None, '/', '#login-user', 1, False)
            base = cold_runs(browser, srv, None, '/', '#login-user', args.runs, False)
            view_ready = f'p.count[data-total="{args.tickets}"]'
            na = cold_runs(browser, srv, cookie, f'/view/needs-answer?queue={qid}', view_ready, args.runs, True)
            browser.close()
    finally:
        srv.stop()

    base_shown, base_inter = med([b[0] for b in base]), med([b[1] for b in base])
    na_shown, na_inter = med([n[0] for n in na]), med([n[1] for n in na])
    bundle_br = wasm_s[2] + js_s[2]
    lines = [
        SECTION,
        '',
        f'`python e2e/bench/app_bench.py` on {platform.node() or "this machine"} ({os.cpu_count()} cores), '
        f'{time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}; server `{srv.binary}` on SQLite; '
        f'headless Chromium {version}; median of {args.runs} cold runs (fresh browser context each); '
        f'load average at the end {os.getloadavg()[0]:.1f} (a shared machine: other work runs alongside).',
        '',
        'Bundle (`scripts/build-frontend.sh`, wasm-release + wasm-opt -Oz):',
        '',
        '| File | raw | gzip -9 | brotli -q 11 |',
        '|---|---:|---:|---:|',
        f'| hushdesk_web_bg.wasm | {wasm_s[0]:,} | {wasm_s[1]:,} | {wasm_s[2]:,} |',
        f'| hushdesk_web.js | {js_s[0]:,} | {js_s[1]:,} | {js_s[2]:,} |',
        f'| style.css | {css_s[0]:,} | {css_s[1]:,} | {css_s[2]:,} |',
        '',
        f'WASM + JS brotli: {bundle_br:,} B (target ≤ {BUNDLE_LIMIT:,} B): **{"PASS" if bundle_br <= BUNDLE_LIMIT else "FAIL"}**.',
        '',
        f'*Needs answer* on one queue holding {args.tickets:,} waiting tickets (seeded through REST 2.0 by 8 clients in {seed_s:.0f} s):',
        '',
        '| Measure | median ms | runs (ms) | vs baseline |',
        '|---|---:|---|---:|',
        f'| baseline: login form shown (same bundle, no data) | {base_shown:.0f} | {", ".join(f"{b[0]:.0f}" for b in base)} | 1.00× |',
        f'| baseline: login form focusable | {base_inter:.0f} | {", ".join(f"{b[1]:.0f}" for b in base)} | 1.00× |',
        f'| Needs answer: first page and total shown | {na_shown:.0f} | {", ".join(f"{n[0]:.0f}" for n in na)} | {na_shown / base_shown:.2f}× |',
        f'| Needs answer: interactive (`j` focused the first row) | {na_inter:.0f} | {", ".join(f"{n[1]:.0f}" for n in na)} | {na_inter / base_inter:.2f}× |',
        f'| the view\'s JSON call alone (`GET /hushdesk/view/needs-answer`, HTTP) | {med(api_ms):.1f} | {", ".join(f"{a:.0f}" for a in api_ms)} | — |',
        '',
        f'Interactive within {INTERACTIVE_LIMIT_MS:.0f} ms: **{"PASS" if na_inter <= INTERACTIVE_LIMIT_MS else "FAIL"}**.',
        '',
    ]
    section = '\n'.join(lines)
    print(section)
    if not args.no_write:
        bench = REPO / 'BENCHMARKS.md'
        text = bench.read_text() if bench.exists() else ''
        if SECTION in text:
            head, _, rest = text.partition(SECTION)
            nxt = rest.find('\n## ')
            tail = rest[nxt + 1:] if nxt >= 0 else ''
            text = head.rstrip('\n') + '\n\n' + section + ('\n' + tail if tail else '')
        else:
            text = text.rstrip('\n') + '\n\n' + section
        bench.write_text(text)
        print(f'wrote {bench}')
    ok = bundle_br <= BUNDLE_LIMIT and na_inter <= INTERACTIVE_LIMIT_MS
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
