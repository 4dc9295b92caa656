"""A real Hushdesk server (fresh SQLite database per session) for the generated-client suite.

With e2e/hushdesk_server.py's Server: start once so the server creates
`root` from HUSHDESK_INITIAL_ADMIN_PASSWORD, stop, create a REST token for root with the admin
CLI, start again on a loopback port. Everything else is created through the generated client.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary
                  (default $CARGO_TARGET_DIR or $HOME/.cache/hushdesk/target, then debug/hushdesk)
"""

from __future__ import annotations

import atexit
import pathlib
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / 'openapi' / 'examples'
CLIENT_DIR = REPO / 'openapi' / 'client'
sys.path.insert(0, str(CLIENT_DIR))
sys.path.insert(0, str(REPO / 'e2e'))
from hushdesk_api_client import AuthenticatedClient  # noqa: E402
from hushdesk_server import Server, report_logs  # noqa: E402

ADMIN_PW = 'e2e-Client-root-pw'


@pytest.fixture(scope='session')
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp('hushdesk-client'), {'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW})
    atexit.register(srv.stop)
    try:
        srv.start()  # the first start creates root
        srv.stop()
        srv.root_token = srv.token('root')
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
    report_logs(terminalreporter)
