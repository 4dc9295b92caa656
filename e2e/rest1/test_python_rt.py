"""python-rt 3.8.1 `rt.rest1.Rt` driving every REST 1.0 call it offers."""

from __future__ import annotations

import io
import re

import pytest
import rt.exceptions
import rt.rest1

from _util import ADMIN_PW, BLOB, BLOB_NAME, ORG, PNG_BYTES, TEXT_BYTES

CTIME = re.compile(r'^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \d{4}$')


def test_login_and_logout(rest1_url):
    bad = rt.rest1.Rt(rest1_url, 'root', 'wrong password')
    assert bad.login() is False
    with pytest.raises(rt.exceptions.AuthorizationError):
        bad.get_ticket(1)
    client = rt.rest1.Rt(rest1_url, 'root', ADMIN_PW)
    assert client.login() is True
    assert client.get_ticket(424242) is None
    assert client.logout() is True


def test_create_get_edit(root1):
    tid = root1.create_ticket(
        Queue='General',
        Subject='REST1 printer',
        Requestor=['req1@example.com', 'req2@example.com'],
        Cc='cc@example.com',
        Priority='3',
        Text='It is on fire\nsecond line',
        CF_Severity='high',
    )
    assert tid > 0
    t = root1.get_ticket(tid)
    assert t['id'] == f'ticket/{tid}'
    assert t['numerical_id'] == str(tid)
    assert t['Queue'] == 'General'
    assert t['Owner'] == 'Nobody'
    assert t['Creator'] == 'root'
    assert t['Subject'] == 'REST1 printer'
    assert t['Status'] == 'new'
    assert t['Priority'] == '3'
    assert t['Requestors'] == ['req1@example.com', 'req2@example.com']
    assert t['Cc'] == ['cc@example.com']
    assert t['AdminCc'] == []
    assert t['CF.{Severity}'] == 'high'
    assert CTIME.match(t['Created'])
    assert t['Due'] == 'Not set'

    assert root1.edit_ticket(tid, Status='open', Subject='REST1 printer fixed', Priority='7', CF_Severity='low') is True
    t = root1.get_ticket(tid)
    assert (t['Status'], t['Subject'], t['Priority'], t['CF.{Severity}']) == ('open', 'REST1 printer fixed', '7', 'low')
    with pytest.raises(rt.exceptions.APISyntaxError, match="Status 'bogus' isn't a valid status"):
        root1.edit_ticket(tid, Status='bogus')
    with pytest.raises(rt.exceptions.BadRequestError, match='does not exist'):
        root1.edit_ticket(424242, Status='open')
    assert root1.get_ticket(tid)['Status'] == 'open'


def test_reply_comment_attachments_history(root1):
    tid = root1.create_ticket(
        Queue='General',
        Subject='REST1 files',
        Requestor='files@example.com',
        Text='see files',
        files=[(BLOB_NAME, io.BytesIO(BLOB), 'application/octet-stream')],
    )
    assert tid > 0
    assert root1.reply(tid, text='reply text\nmore', files=[('notes.txt', io.BytesIO(TEXT_BYTES), 'text/plain')]) is True
    assert root1.comment(tid, text='private note', files=[('pic.png', io.BytesIO(PNG_BYTES), 'image/png')]) is True

    atts = root1.get_attachments(tid)
    by_name = {a[1]: a for a in atts}
    assert len(BLOB) == 1032 and by_name[BLOB_NAME][2:] == ('application/octet-stream', '1k')  # int(n / 102.4) / 10
    assert by_name['notes.txt'][2] == 'text/plain'
    assert by_name['pic.png'][2:] == ('image/png', f'{len(PNG_BYTES)}b')
    assert root1.get_attachments_ids(tid) == [int(a[0]) for a in atts]
    for name, data in ((BLOB_NAME, BLOB), ('notes.txt', TEXT_BYTES), ('pic.png', PNG_BYTES)):
        assert root1.get_attachment_content(tid, by_name[name][0]) == data, name
    meta = root1.get_attachment(tid, by_name['pic.png'][0])
    assert meta['Filename'] == 'pic.png'
    assert meta['ContentType'] == 'image/png'
    assert meta['Creator'].isdigit()
    assert root1.get_attachment(tid, 99999999) is None

    history = root1.get_history(tid)
    types = [h['Type'] for h in history]
    assert types[0] == 'Create' and 'Correspond' in types and types[-1] == 'Comment'
    create = history[0]
    assert create['Content'] == 'see files'
    assert create['Creator'] == 'root'
    assert any(name.startswith(BLOB_NAME) for _, name in create['Attachments'])
    assert history[-1]['Content'] == 'private note'
    assert history[-1]['Data'] == 'No Subject'
    one = root1.get_history(tid, history[-1]['id'])
    assert one is not None and one[0]['id'] == history[-1]['id']
    short = root1.get_short_history(tid)
    assert [s[0] for s in short] == [int(h['id']) for h in history]
    assert short[0][1] == 'Ticket created'
    # Indentation and blank lines inside Text survive the form encoding (RT strips only the
    # common indentation python-rt adds); python-rt itself lstrips history continuation lines.
    text = 'para one\n\n  indented\nend'
    assert root1.comment(tid, text=text) is True
    last = root1.get_history(tid)[-1]
    assert last['Content'] == 'para one\n\nindented\nend'
    (att_id, _), = last['Attachments']
    assert root1.get_attachment_content(tid, att_id) == text.encode()
    other = root1.create_ticket(Queue='General', Subject='REST1 other')
    assert root1.get_history(other, history[-1]['id']) is None


def test_search_formats(root1):
    ids = [root1.create_ticket(Queue='General', Subject=f'REST1 search zebra {n}') for n in range(3)]
    long = root1.search(Queue='General', Subject__like='search zebra')
    assert [t['numerical_id'] for t in long] == [str(i) for i in ids]
    assert long[0]['Subject'] == 'REST1 search zebra 0'
    assert long[0]['Requestors'] == []
    short = root1.search(Queue='General', Subject__like='search zebra', Format='s', order='-id')
    assert [(t['numerical_id'], t['Subject']) for t in short] == [(str(i), f'REST1 search zebra {n}') for n, i in reversed(list(enumerate(ids)))]
    only_ids = root1.search(Queue='General', raw_query="Subject LIKE 'search zebra'", Format='i')
    assert [t['id'] for t in only_ids] == [f'ticket/{i}' for i in ids]
    assert root1.search(Queue='General', Subject='no such subject anywhere') == []
    with pytest.raises(rt.exceptions.InvalidQueryError):
        root1.search(Queue='General', raw_query='Status = >')


def test_links_merge(root1):
    a = root1.create_ticket(Queue='General', Subject='REST1 link a', Requestor='a@example.com')
    b = root1.create_ticket(Queue='General', Subject='REST1 link b', Requestor='b@example.com')
    assert root1.edit_link(a, 'RefersTo', b) is True
    assert root1.edit_link(a, 'DependsOn', b) is True
    assert root1.edit_link(a, 'MemberOf', b) is True
    links = root1.get_links(a)
    uri = f'fsck.com-rt://{ORG}/ticket/{b}'
    assert links['RefersTo'] == [uri] and links['DependsOn'] == [uri] and links['MemberOf'] == [uri]
    back = root1.get_links(b)
    assert back['ReferredToBy'] == [f'fsck.com-rt://{ORG}/ticket/{a}']
    assert back['Members'] == [f'fsck.com-rt://{ORG}/ticket/{a}']
    assert root1.edit_link(a, 'DependsOn', b, delete=True) is True
    assert 'DependsOn' not in root1.get_links(a)

    assert root1.merge_ticket(b, 424242) is False
    assert root1.merge_ticket(b, a) is True
    merged = root1.get_ticket(b)
    assert merged['id'] == f'ticket/{a}'
    assert sorted(merged['Requestors']) == ['a@example.com', 'b@example.com']


def test_take_steal_untake(root1, agent1):
    tid = root1.create_ticket(Queue='General', Subject='REST1 ownership')
    assert agent1.take(tid) is True
    assert root1.get_ticket(tid)['Owner'] == 'agent1'
    with pytest.raises(rt.exceptions.BadRequestError, match='only take tickets that are unowned'):
        root1.take(tid)
    assert root1.steal(tid) is True
    assert root1.get_ticket(tid)['Owner'] == 'root'
    assert root1.untake(tid) is True
    assert root1.get_ticket(tid)['Owner'] == 'Nobody'
    with pytest.raises(rt.exceptions.BadRequestError, match='only steal a ticket owned by someone else'):
        root1.steal(tid)


def test_users_and_queues(root1, agent1):
    uid = root1.create_user('rest1user', 'rest1user@example.com', RealName='Rest One', Privileged='1')
    assert isinstance(uid, int) and uid > 0
    u = root1.get_user('rest1user')
    assert u['id'] == f'user/{uid}'
    assert (u['Name'], u['EmailAddress'], u['RealName'], u['Privileged'], u['Disabled']) == ('rest1user', 'rest1user@example.com', 'Rest One', '1', '0')
    assert u['Password'] == '********'
    assert root1.get_user(uid) == u
    assert root1.edit_user(uid, RealName='Rest Uno', Gecos='r1') == uid
    assert root1.get_user(uid)['RealName'] == 'Rest Uno'
    assert root1.get_user('no-such-user-here') == {'id': 'user/no-such-user-here'}

    qid = root1.create_queue('Rest1Queue', Description='from REST 1.0', CorrespondAddress='q@example.com')
    assert qid > 0
    q = root1.get_queue('Rest1Queue')
    assert q['id'] == f'queue/{qid}'
    assert (q['Name'], q['Description'], q['CorrespondAddress'], q['Disabled']) == ('Rest1Queue', 'from REST 1.0', 'q@example.com', '0')
    assert root1.edit_queue('Rest1Queue', Description='changed') == 'Rest1Queue'
    assert root1.get_queue(qid)['Description'] == 'changed'
    with pytest.raises(rt.exceptions.BadRequestError, match='Could not create queue'):
        root1.create_queue('Rest1Queue')
    assert root1.get_queue('NoSuchQueue') == {'id': 'queue/NoSuchQueue'}
    # agent1 has no AdminUsers/AdminQueue right
    with pytest.raises(rt.exceptions.NotAllowedError):
        agent1.create_queue('AgentQueue')
