"""A real Hushdesk server (fresh SQLite database per session) for the generated-client suite.

Like e2e/rest2/conftest.py (its Server class, trimmed): start once so the server creates
`root` from HUSHDESK_INITIAL_ADMIN_PASSWORD, stop, create a REST token for root with the admin
CLI, start again on a loopback port. Everything else is created through the generated client.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary
                  (default $CARGO_TARGET_DIR or $HOME/.cache/hushdesk/target, then debug/hushdesk)
"""

from __future__ import annotations

import atexit
import os
import pathlib
import re
import socket
import subprocess
import sys
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / 'openapi' / 'examples'
CLIENT_DIR = REPO / 'openapi' / 'client'
sys.path.insert(0, str(CLIENT_DIR))

from hushdesk_api_client import AuthenticatedClient

ADMIN_PW = 'e2e-Client-root-pw'
DEFAULT_BIN = pathlib.Path(os.environ.get('CARGO_TARGET_DIR') or pathlib.Path.home() / '.cache/hushdesk/target') / 'debug/hushdesk'
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
        self.db_url = f'sqlite://{workdir / "hd.db"}'
        self.proc: subprocess.Popen | None = None
        self.url = ''
        self.starts = 0
        self.root_token = ''

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith('HUSHDESK_')}
        env['HUSHDESK_INITIAL_ADMIN_PASSWORD'] = ADMIN_PW
        env['HUSHDESK_DATABASE_URL'] = self.db_url
        return env

    def cli(self, *args: str) -> str:
        cmd = [str(self.binary), '--config', '/dev/null', '--database', self.db_url, *args]
        res = subprocess.run(cmd, env=self._env(), capture_output=True, text=True, timeout=120, check=False)
        if res.returncode != 0:
            raise RuntimeError(f'CLI failed ({res.returncode}): {cmd}\nstdout: {res.stdout}\nstderr: {res.stderr}')
        return res.stdout

    def start(self) -> None:
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
                stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=self.workdir,
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            text = log.read_text(errors='replace')
            if LISTEN_RE.search(text):
                self.url = url
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f'server exited with {self.proc.returncode}; log {log}:\n{text[-3000:]}')
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f'server did not announce itself within 120 s; log {log}')

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
    srv = Server(_binary(), tmp_path_factory.mktemp('hushdesk-client'))
    atexit.register(srv.stop)
    try:
        srv.start()  # the first start creates root
        srv.stop()
        out = [line.strip() for line in srv.cli('token', 'create', 'root').splitlines() if line.strip()]
        assert out, 'token create printed nothing'
        srv.root_token = out[-1]
        srv.start()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope='session')
def root(server):
    with AuthenticatedClient(base_url=server.url, token=server.root_token, prefix='token',
                             raise_on_unexpected_status=True, timeout=60) as c:
        yield c


def pytest_terminal_summary(terminalreporter):
    if _LOG_PATHS:
        terminalreporter.write_line(f'hushdesk server logs: {", ".join(_LOG_PATHS)}')
