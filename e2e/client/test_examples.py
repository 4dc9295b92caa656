"""openapi/examples/*.py against a live server, with their data created through the generated
client (openapi/client): requestors write tickets with their own tokens, root answers, comments
and links them to a known issue; then each script runs as a subprocess and its output is
checked against what the API says."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES
from hushdesk_api_client import AuthenticatedClient
from hushdesk_api_client.api.admin import grant_right
from hushdesk_api_client.api.queues import create_queue
from hushdesk_api_client.api.tickets import (
    comment_ticket,
    correspond_ticket,
    create_ticket,
    get_ticket,
    ticket_history,
    update_ticket,
)
from hushdesk_api_client.api.users import create_token, create_user
from hushdesk_api_client.models import (
    AceRequest,
    CreateTicketRequest,
    ErrorBody,
    MessageRequest,
    QueueRequest,
    RecordRef,
    TicketResponse,
    TokenRequest,
    TokenResponse,
    UpdateTicketRequest,
    UserFields,
)

DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')


def _ok(result):
    assert result is not None and not isinstance(result, ErrorBody), result
    return result


def _user(root: AuthenticatedClient, server, name: str) -> AuthenticatedClient:
    ref = _ok(create_user.sync(client=root, body=UserFields(
        name=name, email_address=f'{name}@example.com', real_name=name.title())))
    assert isinstance(ref, RecordRef) and ref.id == name
    tok = _ok(create_token.sync(name, client=root, body=TokenRequest(description='e2e client')))
    assert isinstance(tok, TokenResponse) and tok.token
    return AuthenticatedClient(base_url=server.url, token=tok.token, prefix='token',
                               raise_on_unexpected_status=True, timeout=60)


def _create(c: AuthenticatedClient, queue: str, subject: str, requestor: str, content: str) -> int:
    ref = _ok(create_ticket.sync(client=c, body=CreateTicketRequest(
        queue=queue, subject=subject, requestor=requestor, content=content)))
    return int(ref.id)


def _reply(c: AuthenticatedClient, tid: int, content: str) -> None:
    msgs = _ok(correspond_ticket.sync(tid, client=c, body=MessageRequest(content=content)))
    assert msgs, msgs


def _last_message_date(root: AuthenticatedClient, tid: int) -> str:
    hist = _ok(ticket_history.sync(tid, client=root, per_page=100, fields='Type,Created'))
    dates = [i.additional_properties['Created'] for i in hist.items
             if i.additional_properties['Type'] in ('Create', 'Correspond')]
    return dates[-1]


@pytest.fixture(scope='module')
def data(server, root):
    """Tickets in General and Support; ids by role in the scenario."""
    assert _ok(create_queue.sync(client=root, body=QueueRequest(name='Support'))).id
    assert _ok(create_queue.sync(client=root, body=QueueRequest(name='Known issues'))).id
    for queue in ('General', 'Support'):
        for right in ('CreateTicket', 'SeeQueue'):
            _ok(grant_right.sync(client=root, body=AceRequest(
                principal_type='Group', principal='Everyone', right=right, queue=queue)))
        for right in ('ShowTicket', 'ReplyToTicket'):
            _ok(grant_right.sync(client=root, body=AceRequest(
                principal_type='Role', principal='Requestor', right=right, queue=queue)))
    alice = _user(root, server, 'alice')
    bob = _user(root, server, 'bob')
    t = {}
    with alice, bob:
        t['known'] = _create(root, 'Known issues', 'Known issue: login loops', 'root@example.com', 'tracking')
        # General
        t['g_new'] = _create(alice, 'General', 'Cannot log in', 'alice@example.com', 'the login page loops')
        t['g_answered'] = _create(alice, 'General', 'Invoice copy', 'alice@example.com', 'please send it')
        _reply(root, t['g_answered'], 'attached')
        t['g_followup'] = _create(bob, 'General', 'Login loop again', 'bob@example.com', 'same as before')
        _reply(root, t['g_followup'], 'clear your cookies')
        _reply(bob, t['g_followup'], 'did not help')
        # Support
        t['s_agent'] = _create(root, 'Support', 'We changed your plan', 'alice@example.com', 'FYI')
        t['s_commented'] = _create(bob, 'Support', 'Export is slow', 'bob@example.com', 'takes an hour')
        _ok(comment_ticket.sync(t['s_commented'], client=root, body=MessageRequest(content='internal: check the index')))
        t['s_resolved'] = _create(alice, 'Support', 'Login loop on mobile', 'alice@example.com', 'also on my phone')
        _reply(root, t['s_resolved'], 'fixed')
    links = {
        'g_new': UpdateTicketRequest(add_refers_to=str(t['known'])),
        'g_followup': UpdateTicketRequest(add_refers_to=[str(t['known'])]),
        's_commented': UpdateTicketRequest(add_member_of=str(t['known'])),
        's_resolved': UpdateTicketRequest(add_refers_to=str(t['known']), status='resolved'),
    }
    for key, body in links.items():
        msgs = _ok(update_ticket.sync(t[key], client=root, body=body))
        assert any('refers to' in m or 'member of' in m.lower() for m in msgs), msgs
    return t


def _run(server, script: str, *args: str, env_auth: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith('HUSHDESK_')}
    cmd = [sys.executable, str(EXAMPLES / script), *args]
    if env_auth:
        env['HUSHDESK_URL'] = server.url
        env['HUSHDESK_TOKEN'] = server.root_token
    else:
        cmd += ['--url', server.url, '--token', server.root_token]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert res.returncode == 0, f'{script} failed ({res.returncode}):\n{res.stdout}\n{res.stderr}'
    return res


def _table(lines: list[str]) -> list[list[str]]:
    """Rows of a printed table (header, dashes, rows) split on runs of 2+ spaces."""
    assert lines[1].startswith('-'), lines
    return [re.split(r' {2,}', line.strip()) for line in [lines[0], *lines[2:]]]


def test_unanswered_per_queue(server, root, data):
    res = _run(server, 'unanswered_per_queue.py', '--queue', 'General', '--queue', 'Support')
    blocks = res.stdout.strip().split('\n\n')
    assert blocks[0] == ("Tickets waiting for an answer ((Status = '__Active__') AND "
                         "(Queue = 'General' OR Queue = 'Support'))")
    detail = _table(blocks[1].splitlines())
    assert detail[0] == ['Queue', 'Ticket', 'Last message', 'From', 'Subject']
    got = [(r[0], r[1], r[3], r[4]) for r in detail[1:]]
    general = sorted([('General', f"#{data['g_new']}", 'alice', 'Cannot log in'),
                      ('General', f"#{data['g_followup']}", 'bob', 'Login loop again')],
                     key=lambda r: (_last_message_date(root, int(r[1][1:])), int(r[1][1:])))
    assert got == [*general, ('Support', f"#{data['s_commented']}", 'bob', 'Export is slow')]
    for row in detail[1:]:
        assert DATE_RE.match(row[2]), row
        assert row[2] == _last_message_date(root, int(row[1][1:]))
    summary = _table(blocks[2].splitlines())
    # General: 3 active tickets, Support: 2 active (the resolved one is not searched).
    assert summary == [['Queue', 'Unanswered', 'Searched'], ['General', '2', '3'], ['Support', '1', '2']]


def test_unanswered_per_queue_env_auth_and_no_match(server, data):
    res = _run(server, 'unanswered_per_queue.py', '--query', "Subject = 'no such ticket'", env_auth=True)
    assert res.stdout.splitlines()[2] == '(none)'
    assert res.stdout.strip().splitlines()[-2:] == ['Queue  Unanswered  Searched', '-----  ----------  --------']


def test_export_tickets_csv(server, root, data, tmp_path):
    known = data['known']
    out = tmp_path / 'known.csv'
    res = _run(server, 'export_tickets_csv.py', '--query', f'RefersTo = {known} OR MemberOf = {known}',
               '--output', str(out))
    assert res.stderr.strip() == '4 tickets'
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding='utf-8'))))
    expected_ids = sorted([data['g_new'], data['g_followup'], data['s_commented'], data['s_resolved']])
    assert [int(r['id']) for r in rows] == expected_ids
    want = {
        data['g_new']: ('Cannot log in', 'new', 'alice@example.com'),
        data['g_followup']: ('Login loop again', 'open', 'bob@example.com'),
        data['s_commented']: ('Export is slow', 'new', 'bob@example.com'),
        data['s_resolved']: ('Login loop on mobile', 'resolved', 'alice@example.com'),
    }
    for r in rows:
        tid = int(r['id'])
        assert (r['subject'], r['status'], r['requestors']) == want[tid]
        t = _ok(get_ticket.sync(tid, client=root))
        assert isinstance(t, TicketResponse)
        assert r['created'] == t.created and DATE_RE.match(r['created'])
        if tid == data['s_resolved']:
            assert r['resolved'] == t.resolved and DATE_RE.match(r['resolved'])
        else:
            assert r['resolved'] == ''
    assert list(rows[0].keys()) == ['id', 'subject', 'status', 'requestors', 'created', 'resolved']


def test_export_tickets_csv_stdout_and_bad_query(server, data):
    res = _run(server, 'export_tickets_csv.py', '--query', f"id = {data['g_answered']}")
    lines = res.stdout.splitlines()
    assert lines[0] == 'id,subject,status,requestors,created,resolved'
    assert lines[1].startswith(f"{data['g_answered']},Invoice copy,open,alice@example.com,")
    assert len(lines) == 2

    bad = subprocess.run([sys.executable, str(EXAMPLES / 'export_tickets_csv.py'), '--url', server.url,
                          '--token', server.root_token, '--query', "Subject = 'unterminated"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 1
    assert bad.stderr.startswith('search tickets: '), bad.stderr
    assert bad.stdout == ''
