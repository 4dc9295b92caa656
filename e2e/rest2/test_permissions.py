"""agent1 holds the rt-wire.md section 7 rights on queue General only; queue Secret is
invisible to it (rt-wire.md 4.1 errors/collections, 6 rights)."""

from __future__ import annotations

import pytest
import rt.exceptions
from _util import BULK_TAG, assert_ref, hyperlink_ids, watcher_ids

TAG_Q = f"Subject LIKE '{BULK_TAG}'"


def _first(bulk, queue):
    return next(t for t in bulk if t['queue'] == queue)


def test_agent_cannot_see_secret_ticket(agent, raw_agent, bulk):
    secret = _first(bulk, 'Secret')['id']
    with pytest.raises(rt.exceptions.UnexpectedResponseError) as exc:
        agent.get_ticket(secret)
    assert exc.value.status_code == 403
    r = raw_agent.get(f'ticket/{secret}')
    assert r.status_code == 403
    assert r.json() == {'message': 'Forbidden'}


def test_agent_sees_general_ticket(agent, bulk):
    t = _first(bulk, 'General')
    got = agent.get_ticket(t['id'])
    assert got['id'] == t['id']
    assert got['Subject'] == t['subject']
    assert got['Queue']['Name'] == 'General'


def test_agent_search_omits_secret_tickets(agent, bulk):
    visible = sorted(t['id'] for t in bulk if t['queue'] == 'General')
    assert len(visible) == 50
    got = [int(x['id']) for x in agent.search(raw_query=TAG_Q, query_format='i')]
    assert sorted(got) == visible
    assert len(got) == len(set(got))


def test_agent_pages_stay_full(raw_agent, bulk):
    visible = {t['id'] for t in bulk if t['queue'] == 'General'}
    seen = []
    for page, count in ((1, 20), (2, 20), (3, 10)):
        body = raw_agent.get('tickets', params={'query': TAG_Q, 'page': page, 'per_page': 20}).json()
        assert body['count'] == count, (page, body)
        assert body['page'] == page and body['per_page'] == 20
        # RT leaves total null for users who cannot see every row; it must never count hidden rows.
        assert body['total'] in (None, len(visible)), body['total']
        ids = [int(x['id']) for x in body['items']]
        assert set(ids) <= visible, set(ids) - visible
        seen += ids
    assert sorted(seen) == sorted(visible)


def test_agent_queue_restricted_search_is_empty(raw_agent, bulk):
    body = raw_agent.get('tickets', params={'query': f"{TAG_Q} AND Queue = 'Secret'"}).json()
    assert body['count'] == 0 and body['items'] == []


def test_agent_cannot_see_secret_queue(agent, raw_agent):
    with pytest.raises(rt.exceptions.UnexpectedResponseError) as exc:
        agent.get_queue('Secret')
    assert exc.value.status_code == 403
    assert agent.get_queue('General')['Name'] == 'General'
    names = {q['Name'] for q in agent.get_all_queues()}
    assert 'General' in names and 'Secret' not in names


def test_agent_cannot_touch_secret_ticket(agent, admin, bulk):
    t = _first(bulk, 'Secret')
    with pytest.raises(rt.exceptions.UnexpectedResponseError) as exc:
        agent.edit_ticket(t['id'], Subject='hijacked')
    assert exc.value.status_code == 403
    with pytest.raises(rt.exceptions.RtError):
        agent.reply(t['id'], 'sneaky reply')
    with pytest.raises(rt.exceptions.RtError):
        agent.comment(t['id'], 'sneaky comment')
    try:
        took = agent.take(t['id'])
    except rt.exceptions.RtError:
        took = False
    assert took is False
    with pytest.raises(rt.exceptions.RtError):
        agent.edit_link(t['id'], 'RefersTo', _first(bulk, 'General')['id'])
    after = admin.get_ticket(t['id'])
    assert after['Subject'] == t['subject']
    assert after['Owner']['id'] == 'Nobody'
    assert admin.get_links(t['id']) == []
    assert [h['Type'] for h in admin.get_ticket_history(t['id'])] == ['Create']


def test_agent_cannot_read_secret_history_or_attachments(agent, admin, bulk):
    t = _first(bulk, 'Secret')
    try:
        hist = agent.get_ticket_history(t['id'])
    except rt.exceptions.RtError:
        pass
    else:
        assert hist == [], 'history of an invisible ticket leaked'
    txn = admin.get_ticket_history(t['id'])[0]
    with pytest.raises(rt.exceptions.RtError):
        agent.get_transaction(txn['id'])
    for att in hyperlink_ids(txn, 'attachment'):
        with pytest.raises(rt.exceptions.RtError):
            agent.get_attachment(att)


def test_agent_cannot_create_in_secret(agent, admin):
    with pytest.raises(rt.exceptions.RtError):
        agent.create_ticket('Secret', subject='agent in secret', content='x')
    found = list(admin.search(raw_query="Subject = 'agent in secret'", query_format='i'))
    assert found == []


def test_agent_cannot_delete(agent, admin):
    tid = admin.create_ticket('General', subject='agent may not delete', content='x')
    with pytest.raises(rt.exceptions.RtError):
        agent.delete_ticket(tid)
    assert admin.get_ticket(tid)['Status'] == 'new'


def test_agent_works_in_general(agent, admin, server):
    tid = agent.create_ticket('General', subject='agent ticket', content='from agent', Requestor='agentcust@example.com')
    t = admin.get_ticket(tid)
    assert_ref(t['Creator'], 'user', 'agent1', server.url)
    assert watcher_ids(t, 'Requestor') == {'agentcust@example.com'}
    assert agent.edit_ticket(tid, Subject='agent ticket edited', Status='open') is True
    assert f"Ticket {tid}: Status changed from 'new' to 'open'" in agent.wire.last.json()
    assert agent.reply(tid, 'agent reply') is True
    assert agent.comment(tid, 'agent comment') is True
    assert agent.take(tid) is True
    t = admin.get_ticket(tid)
    assert t['Subject'] == 'agent ticket edited'
    assert_ref(t['Owner'], 'user', 'agent1', server.url)
    hist = agent.get_ticket_history(tid)
    assert {'Create', 'Correspond', 'Comment'} <= {h['Type'] for h in hist}


def test_agent_is_not_an_admin(agent, admin):
    with pytest.raises(rt.exceptions.RtError):
        agent.create_queue('AgentQueue')
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.get_queue('AgentQueue')
    with pytest.raises(rt.exceptions.RtError):
        agent.create_user('agent_made', 'agent_made@example.test')
    assert admin.user_exists('agent_made', privileged=False) is False
    with pytest.raises(rt.exceptions.RtError):
        agent.edit_queue('General', Description='agent was here')
    assert admin.get_queue('General')['Description'] != 'agent was here'
