"""Fixtures for the app suite: a real Hushdesk server (fresh SQLite database) with the built
web app, a supporter, a requestor, a queue and a template answer, and Debian's Chromium
driven by Playwright (no browser download: `executable_path=/usr/bin/chromium`).

Screenshots go to $HUSHDESK_ARTIFACTS/app-e2e (default: a temporary directory), printed at
the end of the run.

Environment:
  HUSHDESK_BIN        path of the hushdesk binary (see e2e/hushdesk_server.py)
  HUSHDESK_ARTIFACTS  where to keep screenshots
  CHROMIUM            browser binary (default /usr/bin/chromium)
"""

from __future__ import annotations

import atexit
import os
import pathlib
import sys
import tempfile

import pytest
import requests
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from hushdesk_server import WEB_DIR, Server, report_logs  # noqa: E402  (e2e/hushdesk_server.py)

ADMIN_PW = 'app-Root-pw-1'
SUPPORTER = 'sam'
SUPPORTER_PW = 'app-Sam-pw-12'
REQUESTOR = 'alice@example.org'
REQUESTOR_PW = 'app-Alice-pw-1'
QUEUE = 'English'
SUPPORTER_RIGHTS = [
    'SeeQueue', 'ShowTicket', 'ShowTicketComments', 'CreateTicket', 'ReplyToTicket',
    'CommentOnTicket', 'OwnTicket', 'TakeTicket', 'StealTicket', 'ModifyTicket',
]
CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
]
ARTIFACTS: list[pathlib.Path] = []


def artifacts_dir() -> pathlib.Path:
    root = os.environ.get('HUSHDESK_ARTIFACTS')
    base = pathlib.Path(root) if root else pathlib.Path(tempfile.mkdtemp(prefix='hushdesk-app-e2e-'))
    path = base / 'app-e2e' if root else base
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope='session')
def shots() -> pathlib.Path:
    path = artifacts_dir()
    ARTIFACTS.append(path)
    return path


@pytest.fixture(scope='session')
def server(tmp_path_factory):
    if not (WEB_DIR / 'hushdesk_web_bg.wasm').is_file():
        pytest.fail(f'the web app is not built in {WEB_DIR}: run scripts/build-frontend.sh', pytrace=False)
    srv = Server(tmp_path_factory.mktemp('hushdesk-app'), {'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW})
    atexit.register(srv.stop)
    try:
        srv.start()  # first start creates root
        srv.stop()
        srv.cli('queue', 'add', QUEUE, '--language', 'en')
        srv.cli('user', 'add', SUPPORTER, '--email', 'sam@desk.example', '--real-name', 'Sam Supporter',
                '--password', SUPPORTER_PW, '--privileged')
        srv.cli('right', 'grant', '--user', SUPPORTER, '--queue', QUEUE, *SUPPORTER_RIGHTS)
        srv.cli('user', 'add', REQUESTOR, '--email', REQUESTOR, '--real-name', 'Alice Example',
                '--password', REQUESTOR_PW)
        srv.cli('right', 'grant', '--user', REQUESTOR, '--queue', QUEUE, 'CreateTicket', 'SeeQueue')
        srv.start()
        yield srv
    finally:
        srv.stop()


def api(server, user: str, password: str) -> requests.Session:
    s = requests.Session()
    s.auth = (user, password)
    s.base = f'{server.url}/REST/2.0'
    return s


@pytest.fixture(scope='session')
def root_api(server):
    s = api(server, 'root', ADMIN_PW)
    yield s
    s.close()


@pytest.fixture(scope='session')
def requestor_api(server):
    s = api(server, REQUESTOR, REQUESTOR_PW)
    yield s
    s.close()


@pytest.fixture(scope='session')
def chromium():
    exe = os.environ.get('CHROMIUM', '/usr/bin/chromium')
    if not pathlib.Path(exe).is_file():
        pytest.fail(f'no Chromium at {exe} (apt install chromium)', pytrace=False)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={'width': 1280, 'height': 800})
    pg = context.new_page()
    errors: list[str] = []
    pg.on('pageerror', lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f'JavaScript errors on the page: {errors}'


def login(page, server, user: str = SUPPORTER, password: str = SUPPORTER_PW) -> None:
    page.goto(f'{server.url}/')
    page.fill('#login-user', user)
    page.fill('#login-password', password)
    page.click('button[type=submit]')
    page.wait_for_selector('#logout')


def pytest_terminal_summary(terminalreporter):
    report_logs(terminalreporter)
    for path in ARTIFACTS:
        terminalreporter.write_line(f'app e2e screenshots: {path}')
