"""Fixtures: a real Hushdesk server (fresh SQLite database per session, started by
e2e/hushdesk_server.py), python-rt 3.8.1 REST 1.0 clients (`rt.rest1.Rt`) for root and agent1, a
REST 2.0 client for cross-checks, and Debian's `rt` command line tool.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary (default as in e2e/rest2)
  RT_CLI          path of Debian's `rt` (package rt5-clients; default /usr/bin/rt)
"""

from __future__ import annotations

import atexit
import os
import pathlib
import shutil
import subprocess
import sys

import httpx2
import pytest
import rt.rest1
import rt.rest2

E2E_DIR = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(E2E_DIR / 'rest2'))
sys.path.insert(0, str(E2E_DIR))
from hushdesk_server import Server, report_logs  # noqa: E402  (e2e/hushdesk_server.py)
from _util import ADMIN_PW, AGENT_PW, AGENT_RIGHTS, ORG  # noqa: E402  (REST 2.0 suite's constants)

RT_CLI = os.environ.get('RT_CLI', '/usr/bin/rt')


@pytest.fixture(scope='session')
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp('hushdesk'), {'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW, 'HUSHDESK_ORGANIZATION': ORG})
    atexit.register(srv.stop)
    try:
        srv.start()  # first start creates root with HUSHDESK_INITIAL_ADMIN_PASSWORD
        srv.stop()
        srv.cli('user', 'add', 'agent1', '--email', 'agent1@example.com', '--password', AGENT_PW, '--privileged')
        srv.cli('right', 'grant', '--user', 'agent1', '--queue', 'General', *AGENT_RIGHTS)
        srv.cli('cf', 'add', 'Severity', '--type', 'Freeform')
        srv.start()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope='session')
def rest1_url(server) -> str:
    return f'{server.url}/REST/1.0/'


def _login(url: str, user: str, password: str) -> rt.rest1.Rt:
    client = rt.rest1.Rt(url, user, password)
    assert client.login() is True
    return client


@pytest.fixture(scope='session')
def root1(rest1_url):
    client = _login(rest1_url, 'root', ADMIN_PW)
    yield client
    client.logout()


@pytest.fixture(scope='session')
def agent1(rest1_url):
    client = _login(rest1_url, 'agent1', AGENT_PW)
    yield client
    client.logout()


@pytest.fixture(scope='session')
def root2(server):
    client = rt.rest2.Rt(f'{server.url}/REST/2.0/', http_auth=httpx2.BasicAuth('root', ADMIN_PW), http_timeout=60)
    yield client
    client.session.close()


class RtCli:
    """Runs Debian's `rt` with RTSERVER/RTUSER/RTPASSWD and a private home directory.

    `rt` keeps its session cookies in ~/.rt_sessions of the passwd entry, not of $HOME, so the
    wrapper points Perl's getpwuid at the temporary home to keep the real one untouched.
    """

    WRAP = (
        'BEGIN { *CORE::GLOBAL::getpwuid = sub { wantarray ? ("u","x",$<,0,"","","",$ENV{HOME},"/bin/sh") : "u" } } '
        '$0 = $ENV{RT_CLI_PATH}; do $ENV{RT_CLI_PATH}; die $@ if $@; exit 0'
    )

    def __init__(self, server_url: str, home: pathlib.Path) -> None:
        self.home = home
        self.env = {
            'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
            'HOME': str(home),
            'RTSERVER': server_url,
            'RTUSER': 'root',
            'RTPASSWD': ADMIN_PW,
            'RT_CLI_PATH': RT_CLI,
            'EDITOR': '/bin/false',
            'LANG': 'C.UTF-8',
            'TZ': 'UTC',
        }

    def __call__(self, *args: str, check: bool = True) -> str:
        res = subprocess.run(
            ['perl', '-e', self.WRAP, '--', *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=self.home,
        )
        if check and (res.returncode != 0 or res.stderr.strip()):
            raise AssertionError(f'rt {args} failed ({res.returncode}):\nstdout: {res.stdout}\nstderr: {res.stderr}')
        return res.stdout


@pytest.fixture(scope='session')
def rt_cli(server, tmp_path_factory):
    if not (os.path.isfile(RT_CLI) and shutil.which('perl')):
        pytest.skip(f'Debian rt5-clients not installed ({RT_CLI})')
    yield RtCli(server.url, tmp_path_factory.mktemp('rt-home'))


def pytest_terminal_summary(terminalreporter):
    report_logs(terminalreporter)
