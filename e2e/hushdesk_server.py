"""A real Hushdesk server for the e2e suites: a fresh SQLite database in a temporary
directory, the admin CLI on that database, and a `serve` process on a loopback port that is
killed at teardown. Each suite's conftest puts this folder on sys.path and builds its own
fixtures (users, rights, tokens) on top.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary
                  (default $CARGO_TARGET_DIR or $HOME/.cache/hushdesk/target, then debug/hushdesk)
"""

from __future__ import annotations

import os
import pathlib
import re
import socket
import subprocess
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_BIN = pathlib.Path(os.environ.get('CARGO_TARGET_DIR') or pathlib.Path.home() / '.cache/hushdesk/target') / 'debug/hushdesk'
# The built web app (scripts/build-frontend.sh), served by the backend at `/`.
WEB_DIR = REPO / 'frontend' / 'dist'
LISTEN_RE = re.compile(r'Hushdesk listening on (http://127\.0\.0\.1:(\d+))')
LOG_PATHS: list[str] = []


def binary() -> pathlib.Path:
    path = pathlib.Path(os.environ.get('HUSHDESK_BIN') or DEFAULT_BIN)
    if not path.is_file():
        pytest.fail(f'hushdesk binary not found at {path} (build it or set HUSHDESK_BIN)', pytrace=False)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def report_logs(terminalreporter) -> None:
    """For a suite's `pytest_terminal_summary`: where the server logs are."""
    if LOG_PATHS:
        terminalreporter.write_line(f'hushdesk server logs: {", ".join(LOG_PATHS)}')


class Server:
    """`env` is added to the process environment of every CLI call and of `serve`
    (inherited HUSHDESK_* variables are dropped so the suite alone decides)."""

    def __init__(self, workdir: pathlib.Path, env: dict[str, str] | None = None, bin_path: pathlib.Path | None = None) -> None:
        self.binary = bin_path or binary()
        self.workdir = workdir
        self.db_url = f'sqlite://{workdir / "hd.db"}'  # sqlite:///abs/path/hd.db
        self.extra_env = dict(env or {})
        self.proc: subprocess.Popen | None = None
        self.url = ''
        self.port = 0
        self.starts = 0

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith('HUSHDESK_')}
        env['HUSHDESK_DATABASE_URL'] = self.db_url
        env['HUSHDESK_WEB_DIR'] = str(WEB_DIR)
        env.update(self.extra_env)
        return env

    def run_cli(self, *args: str, input: bytes | None = None, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Runs the CLI on this server's database; returns the completed process (any exit code)."""
        cmd = [str(self.binary), '--config', '/dev/null', '--database', self.db_url, *args]
        env = self._env()
        env.update(extra_env or {})
        return subprocess.run(cmd, env=env, capture_output=True, input=input, timeout=120)

    def cli(self, *args: str) -> str:
        res = self.run_cli(*args)
        if res.returncode != 0:
            raise RuntimeError(f'CLI failed ({res.returncode}): {args}\nstdout: {res.stdout.decode(errors="replace")}\nstderr: {res.stderr.decode(errors="replace")}')
        return res.stdout.decode()

    def token(self, user: str) -> str:
        out = [line.strip() for line in self.cli('token', 'create', user).splitlines() if line.strip()]
        assert out, 'token create printed nothing'
        return out[-1]

    def start(self) -> None:
        last_err = ''
        for _attempt in range(3):
            port = free_port()
            url = f'http://127.0.0.1:{port}'
            self.starts += 1
            log = self.workdir / f'server-{self.starts}.log'
            LOG_PATHS.append(str(log))
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
