"""Tickets through python-rt rest2.Rt: create (JSON), get with field expansion, edit,
links, merge, take/untake/steal, delete, errors (rt-wire.md 4.1, 4.2, 6)."""

from __future__ import annotations

import json

import pytest
import rt.exceptions
from _util import (
    EPOCH,
    ORG,
    assert_recent,
    assert_ref,
    cf_values,
    decode_content,
    hyperlink_ids,
    parse_date,
    ref_id,
    watcher_ids,
)


def _new(client, subject, **kw):
    kw.setdefault('content', f'body of {subject}')
    return client.create_ticket('General', subject=subject, **kw)


# ---------------------------------------------------------------- create + get


def test_create_json_and_get_ticket(admin, server, raw):
    tid = admin.create_ticket(
        'General',
        subject='Printer on fire',
        content='Line one\nLine two',
        Requestor=['alice@example.com'],
        Cc='carol@example.com',
        AdminCc=['agent1@example.com'],
        Priority=5,
        CustomFields={'Severity': 'High'},
    )
    assert isinstance(tid, int) and tid > 0
    created = admin.wire.last
    req = created.request
    assert req.method == 'POST' and req.url.path == '/REST/2.0/ticket'
    assert req.headers['Content-Type'].startswith('application/json')
    assert created.status_code == 201
    assert created.json() == {'id': str(tid), 'type': 'ticket', '_url': f'{server.url}/REST/2.0/ticket/{tid}'}

    t = admin.get_ticket(tid)
    get_req = admin.wire.last.request
    assert get_req.url.path == f'/REST/2.0/ticket/{tid}'
    assert get_req.url.params['fields[Queue]'] == 'Name'

    assert t['id'] == tid and isinstance(t['id'], int) and not isinstance(t['id'], bool)
    assert ref_id(t['EffectiveId']) == str(tid)
    q = dict(t['Queue'])
    assert q.pop('Name') == 'General'  # fields[Queue]=Name expansion
    assert_ref(q, 'queue', 1, server.url)
    assert_ref(t['Owner'], 'user', 'Nobody', server.url)
    assert_ref(t['Creator'], 'user', 'root', server.url)
    assert_ref(t['LastUpdatedBy'], 'user', 'root', server.url)
    assert t['Subject'] == 'Printer on fire'
    assert t['Status'] == 'new'
    assert t['Type'] == 'ticket'
    assert t['Priority'] == '5'
    for col in ('TimeWorked', 'TimeEstimated', 'TimeLeft'):
        assert t[col] == '0', (col, t[col])
    assert_recent(t['Created'])
    assert_recent(t['LastUpdated'])
    for col in ('Starts', 'Started', 'Due', 'Resolved'):
        assert t[col] == EPOCH, (col, t[col])
    assert watcher_ids(t, 'Requestor') == {'alice@example.com'}
    assert watcher_ids(t, 'Cc') == {'carol@example.com'}
    assert watcher_ids(t, 'AdminCc') == {'agent1'}
    for w in t['Requestor'] + t['Cc'] + t['AdminCc']:
        assert w['type'] == 'user' and w['_url'].startswith(f'{server.url}/REST/2.0/user/')
    assert cf_values(t, 'Severity') == ['High']
    cf = next(c for c in t['CustomFields'] if c['name'] == 'Severity')
    assert cf['type'] == 'customfield'
    assert cf['_url'] == f'{server.url}/REST/2.0/customfield/{cf["id"]}'

    refs = {h['ref'] for h in t['_hyperlinks']}
    assert {'self', 'history', 'correspond', 'comment', 'customfield'} <= refs, refs
    self_link = next(h for h in t['_hyperlinks'] if h['ref'] == 'self')
    assert self_link['_url'] == f'{server.url}/REST/2.0/ticket/{tid}'
    assert self_link['type'] == 'ticket'
    assert str(self_link['id']) == str(tid)
    by_ref = {h['ref']: h['_url'] for h in t['_hyperlinks']}
    assert by_ref['history'] == f'{server.url}/REST/2.0/ticket/{tid}/history'
    assert by_ref['correspond'] == f'{server.url}/REST/2.0/ticket/{tid}/correspond'
    assert by_ref['comment'] == f'{server.url}/REST/2.0/ticket/{tid}/comment'
    lifecycle_to = {h.get('to') for h in t['_hyperlinks'] if h['ref'] == 'lifecycle'}
    assert 'open' in lifecycle_to and 'resolved' in lifecycle_to, lifecycle_to
    # python-rt get_links(): no ticket links yet
    assert admin.get_links(tid) == []

    # Without fields[Queue] the queue is a bare reference.
    r = raw.get(f'ticket/{tid}')
    assert r.status_code == 200
    assert r.headers['Content-Type'].startswith('application/json')
    assert 'Name' not in r.json()['Queue']
    assert_ref(r.json()['Queue'], 'queue', 1, server.url)

    # The implicit requestor user exists and is unprivileged.
    alice = admin.get_user('alice@example.com')
    assert alice['EmailAddress'] == 'alice@example.com'
    assert alice['Privileged'] == 0


def test_create_body_is_stored(admin):
    tid = _new(admin, 'body check', content='Line one\nLine two, ünïcode ✓')
    hist = admin.get_ticket_history(tid)
    assert hist[0]['Type'] == 'Create'
    atts = [admin.get_attachment(a) for a in hyperlink_ids(hist[0], 'attachment')]
    bodies = [a for a in atts if a['ContentType'] == 'text/plain' and not a.get('Filename')]
    assert bodies, atts
    assert decode_content(bodies[0]).decode().rstrip('\n') == 'Line one\nLine two, ünïcode ✓'


def test_create_with_owner_status_and_requestor_string(admin, server):
    tid = admin.create_ticket('General', subject='pre-owned', content='x', Owner='agent1', Status='open', Requestor='solo@example.com')
    t = admin.get_ticket(tid)
    assert_ref(t['Owner'], 'user', 'agent1', server.url)
    assert t['Status'] == 'open'
    assert_recent(t['Started'])
    assert watcher_ids(t, 'Requestor') == {'solo@example.com'}


def test_create_resolved_sets_resolved_date(admin):
    tid = admin.create_ticket('General', subject='born resolved', content='x', Status='resolved')
    t = admin.get_ticket(tid)
    assert t['Status'] == 'resolved'
    assert_recent(t['Resolved'])


def test_create_in_queue_by_id(admin, server):
    tid = admin.create_ticket('1', subject='queue by id', content='x')
    assert admin.get_ticket(tid)['Queue']['Name'] == 'General'


def test_create_stalled_is_rejected(admin):
    with pytest.raises(rt.exceptions.BadRequestError):
        admin.create_ticket('General', subject='stalled at birth', content='x', Status='stalled')


def test_create_unknown_queue_is_400(admin):
    with pytest.raises(rt.exceptions.BadRequestError) as exc:
        admin.create_ticket('NoSuchQueue', subject='nowhere', content='x')
    assert str(exc.value)
    r = admin.wire.last
    assert r.status_code == 400
    assert isinstance(r.json()['message'], str) and r.json()['message']


def test_get_unknown_ticket_is_not_found(admin, raw):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.get_ticket(999999)
    r = raw.get('ticket/999999')
    assert r.status_code == 404
    assert r.json() == {'message': 'Not Found'}


# ---------------------------------------------------------------- edit


def _editable(admin):
    return admin.create_ticket(
        'General', subject='edit me', content='x', Requestor=['alice@example.com'], CustomFields={'Severity': 'High'}
    )


def test_edit_ticket_subject_priority_status(admin):
    tid = _editable(admin)
    assert admin.edit_ticket(tid, Subject='edited', Priority=7, Status='open') is True
    r = admin.wire.last
    assert r.request.method == 'PUT' and r.request.url.path == f'/REST/2.0/ticket/{tid}'
    assert json.loads(r.request.content) == {'Subject': 'edited', 'Priority': 7, 'Status': 'open'}
    assert r.status_code == 200
    msgs = r.json()
    assert f"Ticket {tid}: Status changed from 'new' to 'open'" in msgs, msgs
    assert f"Ticket {tid}: Subject changed from 'edit me' to 'edited'" in msgs, msgs
    assert any(m.startswith(f'Ticket {tid}: Priority changed from') and "'7'" in m for m in msgs), msgs
    assert len(msgs) == 3, msgs

    t = admin.get_ticket(tid)
    assert t['Subject'] == 'edited'
    assert t['Priority'] == '7'
    assert t['Status'] == 'open'
    assert_recent(t['Started'])
    assert t['Resolved'] == EPOCH

    # nothing changed -> [] -> python-rt True
    assert admin.edit_ticket(tid, Subject='edited') is True
    assert admin.wire.last.json() == []

    # resolve sets Resolved
    assert admin.edit_ticket(tid, Status='resolved') is True
    assert f"Ticket {tid}: Status changed from 'open' to 'resolved'" in admin.wire.last.json()
    t = admin.get_ticket(tid)
    assert t['Status'] == 'resolved'
    assert_recent(t['Resolved'])
    assert parse_date(t['LastUpdated']) >= parse_date(t['Created'])


def test_edit_ticket_owner(admin, server):
    tid = _editable(admin)
    assert admin.edit_ticket(tid, Owner='agent1') is True
    assert admin.wire.last.json() == [f'Ticket {tid}: Owner changed from Nobody to agent1']
    assert_ref(admin.get_ticket(tid)['Owner'], 'user', 'agent1', server.url)


def test_edit_ticket_requestor_list_replaces(admin):
    tid = _editable(admin)
    assert admin.edit_ticket(tid, Requestor=['bob@example.com', 'carol@example.com']) is True
    assert watcher_ids(admin.get_ticket(tid), 'Requestor') == {'bob@example.com', 'carol@example.com'}
    assert admin.edit_ticket(tid, Requestor=['carol@example.com']) is True
    assert watcher_ids(admin.get_ticket(tid), 'Requestor') == {'carol@example.com'}


def test_edit_ticket_requestor_messages_unprefixed(admin):
    # RT REST2 update_role_members pushes AddWatcher/DeleteWatcher messages as is,
    # without RT::Record::Update's "Ticket N: " prefix.
    tid = _editable(admin)
    assert admin.edit_ticket(tid, Requestor=['bob@example.com', 'carol@example.com']) is True
    msgs = admin.wire.last.json()
    assert len(msgs) == 3, msgs
    for addr in ('alice@example.com', 'bob@example.com', 'carol@example.com'):
        assert any(addr in m for m in msgs), (addr, msgs)
    assert not any(m.startswith(f'Ticket {tid}: ') for m in msgs), msgs


def test_edit_ticket_custom_fields(admin):
    tid = _editable(admin)
    assert admin.edit_ticket(tid, CustomFields={'Severity': 'Low'}) is True
    assert cf_values(admin.get_ticket(tid), 'Severity') == ['Low']
    assert admin.edit_ticket(tid, CustomFields={'Severity': 'Low'}) is True
    assert cf_values(admin.get_ticket(tid), 'Severity') == ['Low']


def test_edit_ticket_custom_field_message(admin):
    # RT REST2 update_custom_fields pushes AddCustomFieldValue's message unprefixed.
    tid = _editable(admin)
    assert admin.edit_ticket(tid, CustomFields={'Severity': 'Low'}) is True
    assert admin.wire.last.json() == ['Severity High changed to Low']


def test_edit_bogus_status_reports_in_200(admin):
    tid = _new(admin, 'bogus status')
    assert admin.edit_ticket(tid, Status='bogus') is True
    r = admin.wire.last
    assert r.status_code == 200
    assert r.json() == [f"Ticket {tid}: Status 'bogus' isn't a valid status for this ticket."]
    assert admin.get_ticket(tid)['Status'] == 'new'


def test_edit_unknown_ticket_is_not_found(admin):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.edit_ticket(999999, Subject='nope')
    assert admin.wire.last.status_code == 404


# ---------------------------------------------------------------- links


def _links(client, tid):
    out = set()
    for link in client.get_links(tid):
        assert link['type'] == 'ticket'
        assert isinstance(link['id'], str)
        assert link['_url'].endswith(f'/REST/2.0/ticket/{link["id"]}')
        out.add((link['ref'], int(link['id'])))
    return out


def test_edit_link_add_and_delete(admin):
    a, b, c, p, k = (_new(admin, f'link {n}') for n in 'abcpk')
    assert admin.edit_link(a, 'RefersTo', b) is True
    assert admin.wire.last.request.method == 'PUT'
    assert json.loads(admin.wire.last.request.content) == {'AddRefersTo': b}
    assert admin.edit_link(a, 'DependsOn', c) is True
    assert admin.edit_link(a, 'Parent', p) is True
    assert admin.edit_link(a, 'Child', k) is True
    assert admin.edit_link(c, 'ReferredToBy', b) is True
    assert admin.edit_link(b, 'DependedOnBy', k) is True

    assert _links(admin, a) == {('refers-to', b), ('depends-on', c), ('parent', p), ('child', k)}
    assert _links(admin, b) == {('referred-to-by', a), ('refers-to', c), ('depended-on-by', k)}
    assert _links(admin, c) == {('depended-on-by', a), ('referred-to-by', b)}
    assert _links(admin, p) == {('child', a)}
    assert _links(admin, k) == {('parent', a), ('depends-on', b)}

    # AddLink transaction carries the RT URI with the configured organization
    hist = admin.get_ticket_history(a)
    add_links = [admin.get_transaction(h['id']) for h in hist if h['Type'] == 'AddLink']
    refers = [t for t in add_links if t['Field'] == 'RefersTo']
    assert refers, add_links
    assert refers[0]['NewValue'] == f'fsck.com-rt://{ORG}/ticket/{b}'

    assert admin.edit_link(a, 'RefersTo', b, delete=True) is True
    assert json.loads(admin.wire.last.request.content) == {'DeleteRefersTo': b}
    assert admin.edit_link(a, 'Parent', p, delete=True) is True
    assert admin.edit_link(b, 'DependedOnBy', k, delete=True) is True
    assert _links(admin, a) == {('depends-on', c), ('child', k)}
    assert _links(admin, b) == {('refers-to', c)}
    assert _links(admin, p) == set()
    assert _links(admin, k) == {('parent', a)}
    hist = admin.get_ticket_history(a)
    assert 'DeleteLink' in [h['Type'] for h in hist]


def test_edit_link_unknown_target(admin):
    # RT REST2 _update_links pushes AddLink's message as is (no "Ticket N: " prefix);
    # python-rt raises NotFoundError when msg[0] starts with "Couldn't resolve".
    a = _new(admin, 'link to nowhere')
    try:
        admin.edit_link(a, 'DependsOn', 999999)
    except rt.exceptions.NotFoundError:
        pass
    assert admin.wire.last.json() == ["Couldn't resolve '999999' into a link."]
    with pytest.raises(rt.exceptions.NotFoundError) as exc:
        admin.edit_link(a, 'DependsOn', 999999)
    assert str(exc.value).startswith("Couldn't resolve")
    assert admin.get_links(a) == []


def test_edit_link_to_deleted_ticket_is_refused(admin):
    # RT: "Linking to a deleted ticket is not allowed" -> python-rt InvalidUseError
    a = _new(admin, 'link source')
    gone = _new(admin, 'deleted link target')
    admin.delete_ticket(gone)
    try:
        admin.edit_link(a, 'RefersTo', gone)
    except rt.exceptions.InvalidUseError:
        pass
    assert admin.wire.last.json() == ['Linking to a deleted ticket is not allowed']
    with pytest.raises(rt.exceptions.InvalidUseError):
        admin.edit_link(a, 'DependsOn', gone)
    assert admin.get_links(a) == []


def test_link_messages_are_not_prefixed(admin):
    a, b = _new(admin, 'msg a'), _new(admin, 'msg b')
    assert admin.edit_link(a, 'RefersTo', b) is True
    add = admin.wire.last.json()
    assert admin.edit_link(a, 'RefersTo', b, delete=True) is True
    delete = admin.wire.last.json()
    for msgs in (add, delete):
        assert len(msgs) == 1, msgs
        assert not msgs[0].startswith(f'Ticket {a}: '), msgs
    # RT::Record::_AddLink / _DeleteLink: "$base $type $target." / "$base no longer $type $target."
    assert add == [f'Ticket {a} refers to Ticket {b}.']
    assert delete == [f'Ticket {a} no longer refers to Ticket {b}.']


# ---------------------------------------------------------------- merge


def test_merge_ticket(admin, server):
    keep = admin.create_ticket('General', subject='zmerge keep', content='k', Requestor='keep@example.com')
    dup = admin.create_ticket('General', subject='zmerge dup', content='d', Requestor='dup@example.com')
    assert admin.merge_ticket(dup, keep) is True
    r = admin.wire.last
    assert json.loads(r.request.content) == {'MergeInto': keep}
    assert r.json() == ['Merge Successful']

    t = admin.get_ticket(dup)
    assert t['id'] == keep
    assert t['Subject'] == 'zmerge keep'
    assert ref_id(t['EffectiveId']) == str(keep)
    assert watcher_ids(admin.get_ticket(keep), 'Requestor') == {'keep@example.com', 'dup@example.com'}
    found = [int(x['id']) for x in admin.search(raw_query="Subject LIKE 'zmerge'", query_format='i')]
    assert found == [keep]
    types = [h['Type'] for h in admin.get_ticket_history(keep)]
    assert types.count('Create') == 2, types


def test_merge_into_unknown_is_false(admin):
    t = _new(admin, 'merge nowhere')
    assert admin.merge_ticket(t, 999999) is False
    assert admin.get_ticket(t)['id'] == t


# ---------------------------------------------------------------- take / untake / steal


def test_take_untake_steal(admin, agent, server):
    tid = _new(admin, 'ownership dance')

    assert agent.take(tid) is True
    r = agent.wire.last
    assert r.request.method == 'PUT' and r.request.url.path == f'/REST/2.0/ticket/{tid}/take'
    assert r.json() == ['Owner changed from Nobody to agent1']
    assert_ref(admin.get_ticket(tid)['Owner'], 'user', 'agent1', server.url)

    assert agent.take(tid) is False
    assert agent.wire.last.status_code == 200
    assert agent.wire.last.json() == ['You already own this ticket']

    assert admin.take(tid) is False
    assert admin.wire.last.json() == ['You can only take tickets that are unowned']

    assert admin.steal(tid) is True
    assert admin.wire.last.json() == ['Owner changed from agent1 to root']
    assert_ref(admin.get_ticket(tid)['Owner'], 'user', 'root', server.url)

    assert agent.untake(tid) is False  # not the owner
    assert_ref(admin.get_ticket(tid)['Owner'], 'user', 'root', server.url)

    assert admin.untake(tid) is True
    assert admin.wire.last.request.url.path == f'/REST/2.0/ticket/{tid}/untake'
    assert admin.wire.last.json() == ['Owner changed from root to Nobody']
    assert_ref(admin.get_ticket(tid)['Owner'], 'user', 'Nobody', server.url)

    assert agent.steal(tid) is False
    assert agent.wire.last.json() == ['You can only steal a ticket owned by someone else']

    assert admin.take(tid) is True
    assert admin.wire.last.json() == ['Owner changed from Nobody to root']
    assert agent.steal(tid) is True
    assert agent.wire.last.request.url.path == f'/REST/2.0/ticket/{tid}/steal'
    assert agent.wire.last.json() == ['Owner changed from root to agent1']
    assert_ref(admin.get_ticket(tid)['Owner'], 'user', 'agent1', server.url)


# ---------------------------------------------------------------- delete


def test_delete_ticket(admin):
    tid = _new(admin, 'doomed')
    assert admin.delete_ticket(tid) is None
    r = admin.wire.last
    assert r.request.method == 'DELETE' and r.request.url.path == f'/REST/2.0/ticket/{tid}'
    assert r.status_code == 204
    t = admin.get_ticket(tid)  # record kept
    assert t['Status'] == 'deleted'
    assert t['Subject'] == 'doomed'


def test_delete_unknown_ticket(admin):
    with pytest.raises(rt.exceptions.NotFoundError):
        admin.delete_ticket(999999)
