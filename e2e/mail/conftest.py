"""Fixtures for the mail suite: a real Hushdesk server (fresh SQLite database) that Debian's
real `rt-mailgate` (package rt5-clients) and `hushdesk mailgate` deliver into.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary (default $CARGO_TARGET_DIR/debug/hushdesk)
  RT_MAILGATE     path of rt-mailgate (default /usr/bin/rt-mailgate)
"""

from __future__ import annotations

import atexit
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import requests

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from hushdesk_server import Server, free_port, report_logs  # noqa: E402  (e2e/hushdesk_server.py)

ADMIN_PW = 'mail-Root-pw-1'
SAMPLES = pathlib.Path(os.environ.get('WHISPERBACK_SAMPLES', '/work/shared/testdata/whisperback/sample'))


@pytest.fixture(scope='session')
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp('hushdesk'), {
        'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW,
        'HUSHDESK_MAIL__MAX_MESSAGE_BYTES': str(8 * 1024 * 1024),
    })
    atexit.register(srv.stop)
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()


def pytest_terminal_summary(terminalreporter):
    report_logs(terminalreporter)


@pytest.fixture(scope='session')
def rest2(server):
    s = requests.Session()
    s.auth = ('root', ADMIN_PW)
    s.base = f'{server.url}/REST/2.0/'
    yield s
    s.close()


@pytest.fixture(scope='session')
def rt_mailgate() -> str:
    path = os.environ.get('RT_MAILGATE') or shutil.which('rt-mailgate') or '/usr/bin/rt-mailgate'
    if not os.path.isfile(path):
        pytest.fail('rt-mailgate not found: install Debian package rt5-clients', pytrace=False)
    return path


def run_mailgate(binary: str, url: str, message: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary, '--url', url, *args], input=message, capture_output=True, timeout=120)


@pytest.fixture
def dead_url() -> str:
    """A loopback URL where nothing listens."""
    return f'http://127.0.0.1:{free_port()}'
