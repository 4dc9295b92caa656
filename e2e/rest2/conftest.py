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
import pathlib
import sys

import httpx2
import pytest
import rt.rest2

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from hushdesk_server import Server, report_logs  # noqa: E402  (e2e/hushdesk_server.py)
from _util import ADMIN_PW, AGENT_PW, AGENT_RIGHTS, ORG, Wire  # noqa: E402

SERVER_ENV = {'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW, 'HUSHDESK_ORGANIZATION': ORG}


@pytest.fixture(scope='session')
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp('hushdesk'), SERVER_ENV)
    atexit.register(srv.stop)
    try:
        srv.start()  # first start creates root with HUSHDESK_INITIAL_ADMIN_PASSWORD
        srv.stop()
        srv.cli('user', 'add', 'agent1', '--email', 'agent1@example.com', '--password', AGENT_PW, '--privileged')
        srv.cli('right', 'grant', '--user', 'agent1', '--queue', 'General', *AGENT_RIGHTS)
        srv.cli('cf', 'add', 'Severity', '--type', 'Freeform')
        srv.cli('queue', 'add', 'Secret')
        srv.root_token = srv.token('root')
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
    report_logs(terminalreporter)


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
