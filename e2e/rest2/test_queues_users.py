"""Queues and users through python-rt (rt-wire.md 4.2)."""

from __future__ import annotations

import httpx2
import pytest
import rt.exceptions
import rt.rest2
from _util import DATE_RE, assert_ref, hyperlink_ids

QUEUE_FIELDS = 'Name,Description,CorrespondAddress,CommentAddress,InitialPriority,FinalPriority,DefaultDueIn'


# ---------------------------------------------------------------- queues


def test_get_queue_general(admin, server):
    q = admin.get_queue('General')
    assert q['id'] == 1 and isinstance(q['id'], int)
    assert q['Name'] == 'General'
    assert q['Disabled'] == '0'
    assert q['Lifecycle'] == 'default'
    assert isinstance(q['SortOrder'], str)
    assert isinstance(q['SLADisabled'], str)
    assert isinstance(q['Description'], str)
    for col in ('CorrespondAddress', 'CommentAddress'):
        assert isinstance(q[col], str)
    for col in ('Cc', 'AdminCc', 'TicketCustomFields', 'TicketTransactionCustomFields'):
        assert isinstance(q[col], list), col
    assert DATE_RE.match(q['Created']) and DATE_RE.match(q['LastUpdated'])
    assert q['Creator']['type'] == 'user'
    links = {h['ref']: h for h in q['_hyperlinks']}
    assert links['self']['_url'] == f'{server.url}/REST/2.0/queue/1'
    assert links['self']['type'] == 'queue'
    assert str(links['self']['id']) == '1'
    assert links['create']['type'] == 'ticket'
    assert links['create']['_url'] == f'{server.url}/REST/2.0/ticket?Queue=1'
    assert admin.get_queue(1)['Name'] == 'General'


def test_get_unknown_queue(admin):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.get_queue('NoSuchQueue')
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.get_queue(99999)


def _queue_names(queues):
    return {q['Name'] for q in queues}


def test_queue_lifecycle(admin, server):
    qid = admin.create_queue(
        'E2E_Support', Description='first', CorrespondAddress='support@e2e.test', CommentAddress='support-comment@e2e.test'
    )
    r = admin.wire.last
    assert r.request.method == 'POST' and r.request.url.path == '/REST/2.0/queue'
    assert r.status_code == 201
    assert str(r.json()['id']) == str(qid)
    q = admin.get_queue(qid)
    assert (q['id'], q['Name'], q['Description'], q['Disabled']) == (qid, 'E2E_Support', 'first', '0')
    assert (q['CorrespondAddress'], q['CommentAddress']) == ('support@e2e.test', 'support-comment@e2e.test')
    assert hyperlink_ids(q, 'self') == [qid]

    msgs = admin.edit_queue('E2E_Support', Description='second')
    assert admin.wire.last.request.method == 'PUT'
    assert msgs == ['Queue E2E_Support: Description changed from "first" to "second"']
    assert admin.get_queue('E2E_Support')['Description'] == 'second'
    assert admin.edit_queue(qid, Description='second') == []

    tid = admin.create_ticket('E2E_Support', subject='in the new queue', content='x')
    t = admin.get_ticket(tid)
    assert t['Queue']['Name'] == 'E2E_Support'
    assert_ref({k: v for k, v in t['Queue'].items() if k != 'Name'}, 'queue', qid, server.url)

    queues = admin.get_all_queues()
    params = admin.wire.last.request.url.params
    assert params['fields'] == QUEUE_FIELDS and params['find_disabled_rows'] == '0'
    assert {'General', 'Secret', 'E2E_Support'} <= _queue_names(queues)
    mine = next(q for q in queues if q['Name'] == 'E2E_Support')
    assert mine['id'] == str(qid) and mine['type'] == 'queue'
    assert mine['_url'] == f'{server.url}/REST/2.0/queue/{qid}'
    assert mine['Description'] == 'second'
    assert mine['CorrespondAddress'] == 'support@e2e.test'
    for f in QUEUE_FIELDS.split(','):
        assert f in mine, f

    assert admin.delete_queue(qid) is None
    r = admin.wire.last
    assert r.request.method == 'DELETE' and r.status_code == 204
    assert admin.get_queue(qid)['Disabled'] == '1'
    assert 'E2E_Support' not in _queue_names(admin.get_all_queues())
    assert 'E2E_Support' in _queue_names(admin.get_all_queues(include_disabled=True))
    assert admin.wire.last.request.url.params['find_disabled_rows'] == '1'

    admin.edit_queue(qid, Disabled=0)
    assert admin.get_queue(qid)['Disabled'] == '0'
    assert 'E2E_Support' in _queue_names(admin.get_all_queues())


def test_create_duplicate_queue(admin):
    with pytest.raises(rt.exceptions.BadRequestError):
        admin.create_queue('General')


def test_delete_unknown_queue(admin):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.delete_queue(99999)


# ---------------------------------------------------------------- users


def test_get_system_users(admin, server):
    root = admin.get_user('root')
    assert root['Name'] == 'root'
    assert root['Privileged'] == 1
    assert root['Disabled'] == '0'
    assert isinstance(root['id'], int)
    assert admin.get_user(root['id'])['Name'] == 'root'
    assert admin.get_user('Nobody')['Name'] == 'Nobody'
    links = {h['ref']: h for h in root['_hyperlinks']}
    assert links['self']['_url'].startswith(f'{server.url}/REST/2.0/user/')


def test_user_lifecycle(admin, rest_url):
    name = admin.create_user('e2e_bob', 'bob.e2e@example.test', RealName='Bob Builder', Password='bob-pw-123', Privileged=1)
    assert name == 'e2e_bob'
    r = admin.wire.last
    assert r.request.url.path == '/REST/2.0/user' and r.status_code == 201

    u = admin.get_user('e2e_bob')
    assert isinstance(u['id'], int)
    assert (u['Name'], u['EmailAddress'], u['RealName'], u['Privileged'], u['Disabled']) == (
        'e2e_bob',
        'bob.e2e@example.test',
        'Bob Builder',
        1,
        '0',
    )
    assert 'Password' not in u or u['Password'] in ('', '********', None)
    assert admin.get_user(u['id'])['Name'] == 'e2e_bob'
    assert admin.user_exists('e2e_bob') is True

    msgs = admin.edit_user('e2e_bob', RealName='Robert Builder')
    assert admin.wire.last.request.method == 'PUT'
    assert len(msgs) == 1 and 'Robert Builder' in msgs[0], msgs
    assert admin.get_user('e2e_bob')['RealName'] == 'Robert Builder'

    bob = rt.rest2.Rt(rest_url, http_auth=httpx2.BasicAuth('e2e_bob', 'bob-pw-123'))
    assert bob.get_user('e2e_bob')['Name'] == 'e2e_bob'

    admin.edit_user('e2e_bob', Password='new-pw-456')
    with pytest.raises(rt.exceptions.AuthorizationError):
        rt.rest2.Rt(rest_url, http_auth=httpx2.BasicAuth('e2e_bob', 'bob-pw-123')).get_user('e2e_bob')
    bob = rt.rest2.Rt(rest_url, http_auth=httpx2.BasicAuth('e2e_bob', 'new-pw-456'))
    assert bob.get_user('e2e_bob')['RealName'] == 'Robert Builder'

    assert admin.delete_user('e2e_bob') is None
    r = admin.wire.last
    assert r.request.method == 'DELETE' and r.status_code == 204
    assert admin.get_user('e2e_bob')['Disabled'] == '1'
    with pytest.raises(rt.exceptions.AuthorizationError):
        bob.get_user('e2e_bob')


def test_edit_user_message(admin):
    # RT::Record::_UpdateAttributes prefixes "User <Name>: "; RT::User::_Set records a
    # transaction and returns its BriefDescription (single quotes).
    admin.create_user('e2e_dora', 'dora.e2e@example.test', RealName='Dora')
    msgs = admin.edit_user('e2e_dora', RealName='Dora Explorer')
    assert msgs == ["User e2e_dora: RealName changed from 'Dora' to 'Dora Explorer'"]


def test_unprivileged_user(admin):
    assert admin.create_user('e2e_carl', 'carl.e2e@example.test', RealName='Carl') == 'e2e_carl'
    u = admin.get_user('e2e_carl')
    assert u['Privileged'] == 0
    assert admin.user_exists('e2e_carl') is False
    assert admin.user_exists('e2e_carl', privileged=False) is True
    assert admin.user_exists('agent1') is True


def test_unknown_user(admin):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.get_user('no_such_user_e2e')
    assert admin.user_exists('no_such_user_e2e') is False
    assert admin.user_exists('no_such_user_e2e', privileged=False) is False


def test_duplicate_user(admin):
    with pytest.raises(rt.exceptions.BadRequestError):
        admin.create_user('root', 'other-root@example.test')


def test_delete_unknown_user(admin):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.delete_user('no_such_user_e2e')
