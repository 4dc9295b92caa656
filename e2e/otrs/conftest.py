"""Fixtures: a real Hushdesk server (fresh SQLite database per session) and the real pyotrs
1.5 client pointed at its OTRS GenericInterface (`/otrs/nph-genericinterface.pl/Webservice/`).

The server is started by e2e/hushdesk_server.py's Server: first start creates `root`, then the admin CLI adds agent1 (rights on General only), the
ticket custom field Severity and the queue Secret, then the server runs for the session.

Environment:
  HUSHDESK_BIN    path of the hushdesk binary
                  (default $HOME/.cache/hushdesk/target/debug/hushdesk)
"""

from __future__ import annotations

import atexit
import pathlib
import sys

import pyotrs
import pytest
import requests

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from hushdesk_server import Server, report_logs  # noqa: E402  (e2e/hushdesk_server.py)

ADMIN_PW = 'otrs-Root-pw-1'
AGENT_PW = 'otrs-Agent1-pw'
ORG = 'otrs.hushdesk.test'
AGENT_RIGHTS = [
    'SeeQueue', 'ShowTicket', 'ShowTicketComments', 'CreateTicket', 'ReplyToTicket',
    'CommentOnTicket', 'OwnTicket', 'TakeTicket', 'StealTicket', 'ModifyTicket',
]
WS = '/otrs/nph-genericinterface.pl/Webservice'


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
        srv.cli('queue', 'add', 'Secret')
        srv.start()
        yield srv
    finally:
        srv.stop()


def pytest_terminal_summary(terminalreporter):
    report_logs(terminalreporter)


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
