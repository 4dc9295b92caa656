"""Fixtures: a real Hushdesk server (fresh SQLite database per session) and the real pyotrs
1.5 client pointed at its OTRS GenericInterface (`/otrs/nph-genericinterface.pl/Webservice/`).

The server is started as e2e/rest2/conftest.py does (the Server class is copied from there):
first start creates `root`, then the admin CLI adds agent1 (rights on General only), the
ticket custom field Severity and the queue Secret, then the server runs for the session.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary
                  (default $HOME/.cache/hushdesk/target/debug/hushdesk)
"""

from __future__ import annotations

import atexit
import os
import pathlib
import re
import socket
import subprocess
import time

import pyotrs
import pytest
import requests

ADMIN_PW = 'otrs-Root-pw-1'
AGENT_PW = 'otrs-Agent1-pw'
ORG = 'otrs.hushdesk.test'
AGENT_RIGHTS = [
    'SeeQueue', 'ShowTicket', 'ShowTicketComments', 'CreateTicket', 'ReplyToTicket',
    'CommentOnTicket', 'OwnTicket', 'TakeTicket', 'StealTicket', 'ModifyTicket',
]
WS = '/otrs/nph-genericinterface.pl/Webservice'

DEFAULT_BIN = pathlib.Path(os.environ.get('CARGO_TARGET_DIR') or pathlib.Path.home() / '.cache/hushdesk/target') / 'debug/hushdesk'
WEB_DIR = pathlib.Path(__file__).resolve().parents[2] / 'frontend' / 'dist'
LISTEN_RE = re.compile(r'Hushdesk listening on (http://127\.0\.0\.1:(\d+))')
_LOG_PATHS: list[str] = []


def _binary() -> pathlib.Path:
    path = pathlib.Path(os.environ.get('HUSHDESK_BIN') or DEFAULT_BIN)
    if not path.is_file():
        pytest.fail(f'hushdesk binary not found at {path} (build it or set HUSHDESK_BIN)', pytrace=False)
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary: pathlib.Path, workdir: pathlib.Path) -> None:
        self.binary = binary
        self.workdir = workdir
        self.db_url = f'sqlite://{workdir / "hd.db"}'  # sqlite:///abs/path/hd.db
        self.proc: subprocess.Popen | None = None
        self.url = ''
        self.port = 0
        self.starts = 0

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith('HUSHDESK_')}
        env['HUSHDESK_INITIAL_ADMIN_PASSWORD'] = ADMIN_PW
        env['HUSHDESK_ORGANIZATION'] = ORG
        env['HUSHDESK_DATABASE_URL'] = self.db_url
        env['HUSHDESK_WEB_DIR'] = str(WEB_DIR)
        return env

    def cli(self, *args: str) -> str:
        cmd = [str(self.binary), '--config', '/dev/null', '--database', self.db_url, *args]
        res = subprocess.run(cmd, env=self._env(), capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            raise RuntimeError(f'CLI failed ({res.returncode}): {cmd}\nstdout: {res.stdout}\nstderr: {res.stderr}')
        return res.stdout

    def start(self) -> None:
        last_err = ''
        for _attempt in range(3):
            port = _free_port()
            url = f'http://127.0.0.1:{port}'
            self.starts += 1
            log = self.workdir / f'server-{self.starts}.log'
            _LOG_PATHS.append(str(log))
            env = self._env()
            env['HUSHDESK_WEB_BASE_URL'] = url
            with open(log, 'wb') as fh:
                self.proc = subprocess.Popen(
                    [str(self.binary), '--config', '/dev/null', 'serve', '--bind', f'127.0.0.1:{port}', '--database', self.db_url],
                    stdout=fh,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=env,
                    cwd=self.workdir,
                )
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                text = log.read_text(errors='replace')
                m = LISTEN_RE.search(text)
                if m:
                    if int(m.group(2)) != port:
                        self.stop()
                        raise RuntimeError(f'server announced {m.group(1)} but was told to bind {port}')
                    self.url, self.port = url, port
                    return
                if self.proc.poll() is not None:
                    last_err = f'server exited with {self.proc.returncode}; log {log}:\n{text[-3000:]}'
                    break
                time.sleep(0.05)
            else:
                self.stop()
                raise RuntimeError(f'server did not announce itself within 120 s; log {log}:\n{log.read_text(errors="replace")[-3000:]}')
        raise RuntimeError(last_err)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()  # SIGTERM to our own child, by pid
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@pytest.fixture(scope='session')
def server(tmp_path_factory):
    srv = Server(_binary(), tmp_path_factory.mktemp('hushdesk'))
    atexit.register(srv.stop)
    try:
        srv.start()  # first start creates root with HUSHDESK_INITIAL_ADMIN_PASSWORD
        srv.stop()
        srv.cli('user', 'add', 'agent1', '--email', 'agent1@example.com', '--password', AGENT_PW, '--privileged')
        srv.cli('right', 'grant', '--user', 'agent1', '--queue', 'General', *AGENT_RIGHTS)
        srv.cli('cf', 'add', 'Severity', '--type', 'Freeform')
        srv.cli('queue', 'add', 'Secret')
        srv.start()
        yield srv
    finally:
        srv.stop()


def pytest_terminal_summary(terminalreporter):
    if _LOG_PATHS:
        terminalreporter.write_line(f'hushdesk server logs: {", ".join(_LOG_PATHS)}')


def make_client(server, tmp_path_factory, user: str, password: str, **kw) -> pyotrs.Client:
    """A pyotrs client with its own session file, logged in."""
    path = tmp_path_factory.mktemp('pyotrs') / f'.session-{user}'
    client = pyotrs.Client(server.url, user, password, session_id_file=str(path), **kw)
    assert client.session_restore_or_create() is True
    return client


@pytest.fixture(scope='session')
def otrs(server, tmp_path_factory) -> pyotrs.Client:
    return make_client(server, tmp_path_factory, 'root', ADMIN_PW)


@pytest.fixture(scope='session')
def otrs_agent(server, tmp_path_factory) -> pyotrs.Client:
    return make_client(server, tmp_path_factory, 'agent1', AGENT_PW)


@pytest.fixture(scope='session')
def rest2(server):
    """Plain requests session on REST 2.0 (Basic root), to check what the OTRS calls did."""
    s = requests.Session()
    s.auth = ('root', ADMIN_PW)
    s.base = f'{server.url}/REST/2.0/'
    yield s
    s.close()
