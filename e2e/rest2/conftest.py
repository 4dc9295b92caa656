"""Fixtures: a real Hushdesk server (fresh SQLite database per session) and
python-rt 3.8.1 REST 2.0 clients pointed at it.

Layout of the session:
  1. start the server once with HUSHDESK_INITIAL_ADMIN_PASSWORD (creates `root`), stop it;
  2. create the rt-wire.md section 7 fixtures with the admin CLI (agent1 + rights on
     General only, global CF Severity, queue Secret that agent1 has no rights on) and a
     REST token for root;
  3. start the server again on a pre-picked loopback port with HUSHDESK_WEB_BASE_URL set to
     the real URL; every test talks to that process; it is killed at teardown.

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

import httpx2
import pytest
import rt.rest2

from _util import ADMIN_PW, AGENT_PW, AGENT_RIGHTS, ORG, Wire

DEFAULT_BIN = pathlib.Path(os.environ.get('CARGO_TARGET_DIR') or pathlib.Path.home() / '.cache/hushdesk/target') / 'debug/hushdesk'
# The built web app (scripts/build-frontend.sh), served by the backend at `/`.
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
        out = [line.strip() for line in srv.cli('token', 'create', 'root').splitlines() if line.strip()]
        assert out, 'token create printed nothing'
        srv.root_token = out[-1]
        srv.start()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope='session')
def rest_url(server) -> str:
    return f'{server.url}/REST/2.0/'


def _rt(url: str, **kw) -> rt.rest2.Rt:
    client = rt.rest2.Rt(url, http_timeout=60, **kw)
    client.wire = Wire(client.session)
    return client


@pytest.fixture(scope='session')
def admin(rest_url):
    client = _rt(rest_url, http_auth=httpx2.BasicAuth('root', ADMIN_PW))
    yield client
    client.session.close()


@pytest.fixture(scope='session')
def admin_token(rest_url, server):
    client = _rt(rest_url, token=server.root_token)
    yield client
    client.session.close()


@pytest.fixture(scope='session')
def agent(rest_url):
    client = _rt(rest_url, http_auth=httpx2.BasicAuth('agent1', AGENT_PW))
    yield client
    client.session.close()


@pytest.fixture(scope='session')
def raw(rest_url):
    """Plain httpx2 client (Basic root) for wire-level checks python-rt hides."""
    with httpx2.Client(base_url=rest_url, auth=httpx2.BasicAuth('root', ADMIN_PW), timeout=60) as c:
        yield c


@pytest.fixture(scope='session')
def raw_agent(rest_url):
    with httpx2.Client(base_url=rest_url, auth=httpx2.BasicAuth('agent1', AGENT_PW), timeout=60) as c:
        yield c


@pytest.fixture(autouse=True)
def _clear_wire(request):
    for name in ('admin', 'admin_token', 'agent'):
        if name in request.fixturenames:
            request.getfixturevalue(name).wire.clear()
    yield


def pytest_terminal_summary(terminalreporter):
    if _LOG_PATHS:
        terminalreporter.write_line(f'hushdesk server logs: {", ".join(_LOG_PATHS)}')


@pytest.fixture(scope='session')
def bulk(admin):
    """62 tickets tagged `zqbulk` (50 in General, 12 in Secret), created through python-rt."""
    from _util import BULK_N, bulk_spec

    out = []
    for i in range(BULK_N):
        spec = bulk_spec(i)
        extra = {'CustomFields': {'Severity': spec['severity']}} if spec['severity'] else {}
        spec['id'] = admin.create_ticket(
            spec['queue'],
            subject=spec['subject'],
            content=f'bulk ticket {i}',
            Requestor=spec['requestor'],
            Status=spec['status'],
            Priority=spec['priority'],
            **extra,
        )
        out.append(spec)
    return out
