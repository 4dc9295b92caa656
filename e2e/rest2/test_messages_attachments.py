"""Multipart create, reply/comment (JSON and multipart), attachments byte-exact,
history and transactions (rt-wire.md 4.2, 6)."""

from __future__ import annotations

import base64
import json

import pytest
import rt.exceptions
from rt.rest2 import Attachment
from _util import (
    BLOB,
    BLOB_NAME,
    PNG_BYTES,
    TEXT_BYTES,
    assert_recent,
    assert_ref,
    decode_content,
    hyperlink_ids,
)

FILTER = [{'field': 'Filename', 'operator': 'IS NOT', 'value': ''}]


def _files():
    return [
        Attachment(BLOB_NAME, 'application/octet-stream', BLOB),
        Attachment('notes.txt', 'text/plain', TEXT_BYTES),
        Attachment('pixel.png', 'image/png', PNG_BYTES),
    ]


def _expected():
    return {f.file_name: (f.file_type, f.file_content) for f in _files()}


def _check_attachment_list(client, tid, expected):
    listed = client.get_attachments(tid)
    req = client.wire.last.request
    assert req.method == 'POST' and req.url.path == f'/REST/2.0/ticket/{tid}/attachments'
    assert req.url.params['fields'] == 'Filename,ContentType,ContentLength'
    assert json.loads(req.content) == FILTER
    by_name = {a['Filename']: a for a in listed}
    assert set(by_name) == set(expected), listed
    for name, (ctype, content) in expected.items():
        item = by_name[name]
        assert item['type'] == 'attachment'
        assert isinstance(item['id'], str)
        assert item['ContentType'] == ctype
        assert item['ContentLength'] == str(len(content)), (name, item)
    ids = client.get_attachments_ids(tid)
    assert sorted(ids) == sorted(int(a['id']) for a in listed)
    return by_name


def _check_roundtrip(client, server, tid, by_name, expected):
    for name, (ctype, content) in expected.items():
        att_id = int(by_name[name]['id'])
        att = client.get_attachment(att_id)
        assert client.wire.last.request.url.path == f'/REST/2.0/attachment/{att_id}'
        assert att['id'] == att_id
        assert att['Filename'] == name
        assert att['ContentType'] == ctype
        got = decode_content(att)
        assert got == content, f'{name}: {len(got)} bytes back, {len(content)} sent; first diff at ' + str(
            next((i for i, (x, y) in enumerate(zip(got, content)) if x != y), min(len(got), len(content)))
        )
        assert isinstance(att['Headers'], str)
        assert att['TransactionId']['type'] == 'transaction'
        assert_ref(att['Creator'], 'user', 'root', server.url)
        assert_recent(att['Created'])


def test_create_multipart_with_attachments_byte_exact(admin, server):
    tid = admin.create_ticket(
        'General', subject='with attachments', content='see attached', attachments=_files(), Requestor='att@example.com'
    )
    r = admin.wire.last
    assert r.request.headers['Content-Type'].startswith('multipart/form-data')
    assert r.status_code == 201
    assert r.json()['id'] == str(tid)
    t = admin.get_ticket(tid)
    assert t['Subject'] == 'with attachments'
    assert {w['id'] for w in t['Requestor']} == {'att@example.com'}

    expected = _expected()
    by_name = _check_attachment_list(admin, tid, expected)
    _check_roundtrip(admin, server, tid, by_name, expected)

    # The files hang off the Create transaction, next to the body part.
    hist = admin.get_ticket_history(tid)
    assert hist[0]['Type'] == 'Create'
    create_atts = set(hyperlink_ids(hist[0], 'attachment'))
    assert {int(a['id']) for a in by_name.values()} <= create_atts
    bodies = [admin.get_attachment(a) for a in create_atts - {int(a['id']) for a in by_name.values()}]
    assert any(decode_content(b).rstrip(b'\n') == b'see attached' for b in bodies), bodies


def test_create_multipart_attachments_only(admin, server):
    files = [Attachment('only.bin', 'application/octet-stream', BLOB)]
    tid = admin.create_ticket('General', subject='attachment only', attachments=files)
    by_name = _check_attachment_list(admin, tid, {'only.bin': ('application/octet-stream', BLOB)})
    _check_roundtrip(admin, server, tid, by_name, {'only.bin': ('application/octet-stream', BLOB)})


def test_reply_and_comment_json(admin, server):
    tid = admin.create_ticket('General', subject='talk to me', content='hello', Requestor='talker@example.com')
    assert admin.reply(tid, 'We are on it.') is True
    r = admin.wire.last
    assert r.request.method == 'POST' and r.request.url.path == f'/REST/2.0/ticket/{tid}/correspond'
    assert json.loads(r.request.content) == {'Content': 'We are on it.', 'ContentType': 'text/plain'}
    assert r.status_code == 201
    assert r.json()[0] == 'Correspondence added'

    assert admin.comment(tid, 'internal note') is True
    r = admin.wire.last
    assert r.request.url.path == f'/REST/2.0/ticket/{tid}/comment'
    assert r.status_code == 201
    assert r.json()[0] == 'Comments added'

    assert admin.reply(tid, '<p>rich <b>reply</b></p>', content_type='text/html') is True

    hist = admin.get_ticket_history(tid)
    types = [h['Type'] for h in hist]
    assert types[0] == 'Create'
    assert types.count('Correspond') == 2 and types.count('Comment') == 1, types
    contents = {}
    for h in hist:
        if h['Type'] in ('Correspond', 'Comment'):
            for att_id in hyperlink_ids(h, 'attachment'):
                att = admin.get_attachment(att_id)
                if att['ContentType'] in ('text/plain', 'text/html'):
                    contents.setdefault(h['Type'], []).append((att['ContentType'], decode_content(att).decode().rstrip('\n')))
    assert ('text/plain', 'We are on it.') in contents['Correspond']
    assert ('text/html', '<p>rich <b>reply</b></p>') in contents['Correspond']
    assert contents['Comment'] == [('text/plain', 'internal note')]
    # No file parts -> the Filename filter lists nothing.
    assert admin.get_attachments(tid) == []
    assert admin.get_attachments_ids(tid) == []


def test_staff_reply_opens_new_ticket(admin):
    tid = admin.create_ticket('General', subject='auto open', content='x', Requestor='ao@example.com')
    assert admin.get_ticket(tid)['Status'] == 'new'
    assert admin.reply(tid, 'answer') is True
    assert admin.get_ticket(tid)['Status'] == 'open'
    assert admin.edit_ticket(tid, Status='resolved') is True
    assert admin.reply(tid, 'answer again') is True
    assert admin.get_ticket(tid)['Status'] == 'open'


def test_comment_does_not_open_ticket(admin):
    tid = admin.create_ticket('General', subject='comment stays new', content='x')
    assert admin.comment(tid, 'just a note') is True
    assert admin.get_ticket(tid)['Status'] == 'new'


def test_reply_and_comment_with_attachments_multipart(admin, server):
    tid = admin.create_ticket('General', subject='files later', content='x')
    assert admin.reply(tid, 'reply with files', attachments=_files()) is True
    r = admin.wire.last
    assert r.request.headers['Content-Type'].startswith('multipart/form-data')
    assert r.status_code == 201
    assert r.json()[0] == 'Correspondence added'
    expected = _expected()
    by_name = _check_attachment_list(admin, tid, expected)
    _check_roundtrip(admin, server, tid, by_name, expected)

    extra = Attachment('comment-ünï.dat', 'application/x-custom', bytes(range(255, -1, -1)) + b'\r\n\x00')
    assert admin.comment(tid, 'comment with file', attachments=[extra]) is True
    assert admin.wire.last.json()[0] == 'Comments added'
    expected[extra.file_name] = (extra.file_type, extra.file_content)
    by_name = _check_attachment_list(admin, tid, expected)
    _check_roundtrip(admin, server, tid, by_name, {extra.file_name: expected[extra.file_name]})

    # the reply's Correspond transaction owns the first three files
    hist = admin.get_ticket_history(tid)
    corr = [h for h in hist if h['Type'] == 'Correspond']
    assert len(corr) == 1
    txn = admin.get_transaction(corr[0]['id'])
    assert {int(by_name[n]['id']) for n in (BLOB_NAME, 'notes.txt', 'pixel.png')} <= set(hyperlink_ids(txn, 'attachment'))


def test_correspond_with_json_attachments(admin, raw, server):
    tid = admin.create_ticket('General', subject='json attachments', content='x')
    body = {
        'Content': 'files inline',
        'ContentType': 'text/plain',
        'Attachments': [Attachment('inline.bin', 'application/octet-stream', BLOB).to_dict()],
    }
    r = raw.post(f'ticket/{tid}/correspond', json=body)
    assert r.status_code == 201, r.text
    assert r.json()[0] == 'Correspondence added'
    expected = {'inline.bin': ('application/octet-stream', BLOB)}
    by_name = _check_attachment_list(admin, tid, expected)
    _check_roundtrip(admin, server, tid, by_name, expected)


def test_reply_unknown_ticket_is_400(admin):
    with pytest.raises(rt.exceptions.BadRequestError) as exc:
        admin.reply(999999, 'hello?')
    assert 'Message could not be recorded' in str(exc.value)
    with pytest.raises(rt.exceptions.BadRequestError):
        admin.comment(999999, 'hello?')


def test_history_and_transaction(admin, server):
    tid = admin.create_ticket('General', subject='history', content='first')
    assert admin.edit_ticket(tid, Status='open') is True
    assert admin.comment(tid, 'c1') is True

    hist = admin.get_ticket_history(tid)
    req = admin.wire.last.request
    assert req.url.path == f'/REST/2.0/ticket/{tid}/history'
    assert req.url.params['fields'] == 'Type,Creator,Created,Description,_hyperlinks'
    assert req.url.params['fields[Creator]'] == 'id,Name,RealName,EmailAddress'
    types = [h['Type'] for h in hist]
    assert types[0] == 'Create'
    assert 'Status' in types and 'Comment' in types, types
    ids = [int(h['id']) for h in hist]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for h in hist:
        assert isinstance(h['id'], str)
        assert h['type'] == 'transaction'
        assert h['_url'] == f'{server.url}/REST/2.0/transaction/{h["id"]}'
        assert h['Creator']['Name'] == 'root'  # fields[Creator] expansion
        assert 'EmailAddress' in h['Creator'] and 'RealName' in h['Creator']
        assert_recent(h['Created'])
        assert isinstance(h['Description'], str)
        assert isinstance(h['_hyperlinks'], list)

    create = admin.get_transaction(hist[0]['id'])
    assert admin.wire.last.request.url.params['fields'] == 'Description'
    assert create['id'] == int(hist[0]['id'])
    assert create['Type'] == 'Create'
    assert_ref(create['Object'], 'ticket', tid, server.url)
    assert_ref(create['Creator'], 'user', 'root', server.url)
    assert create['TimeTaken'] == '0'
    assert_recent(create['Created'])
    assert hyperlink_ids(create, 'self') == [create['id']]
    assert hyperlink_ids(create, 'attachment'), create['_hyperlinks']

    status = admin.get_transaction(next(h['id'] for h in hist if h['Type'] == 'Status'))
    assert (status['Field'], status['OldValue'], status['NewValue']) == ('Status', 'new', 'open')


def test_history_pages(admin):
    tid = admin.create_ticket('General', subject='long history', content='x')
    for i in range(21):
        assert admin.comment(tid, f'note {i}') is True
    hist = admin.get_ticket_history(tid)
    pages = [r.request.url.params.get('page') for r in admin.wire.responses if r.request.url.path.endswith('/history')]
    assert pages == ['1', '2'], pages
    assert [h['Type'] for h in hist] == ['Create'] + ['Comment'] * 21


def test_history_of_unknown_ticket_is_empty(admin):
    assert admin.get_ticket_history(999999) == []


def test_unknown_transaction_and_attachment_raise(admin):
    with pytest.raises(rt.exceptions.RtError):
        admin.get_transaction(99999999)
    with pytest.raises(rt.exceptions.RtError):
        admin.get_attachment(99999999)


def test_attachment_content_is_base64(admin):
    tid = admin.create_ticket('General', subject='b64', attachments=[Attachment('z.bin', 'application/octet-stream', b'\x00' * 300)])
    (att_id,) = admin.get_attachments_ids(tid)
    att = admin.get_attachment(att_id)
    assert base64.b64decode(att['Content'], validate=False) == b'\x00' * 300
    compact = att['Content'].replace('\n', '')
    assert base64.b64decode(compact, validate=True) == b'\x00' * 300
