"""The ticket workflow through the real pyotrs: create, get, search, update, history."""

import base64

from pyotrs import Article, Attachment, DynamicField, Ticket


def _create(otrs, title, customer='alice@example.com', **kw):
    t = Ticket.create_basic(Title=title, Queue='General', State='new', Priority='3 normal', CustomerUser=customer)
    art = Article({'Subject': f'About {title}', 'Body': f'Body of {title}', 'MimeType': 'text/plain', 'Charset': 'UTF8'})
    res = otrs.ticket_create(t, art, **kw)
    assert set(res) == {'TicketID', 'TicketNumber', 'ArticleID'}
    assert res['TicketNumber'] == res['TicketID']
    return res


def test_create_get_search_update_history(otrs, rest2):
    att = Attachment.create_basic(Content=base64.b64encode(b'hello \x00\xff bytes').decode(),
                                  ContentType='application/octet-stream', Filename='hello.bin')
    res = _create(otrs, 'Zq otrs printer', attachments=[att],
                  dynamic_fields=[DynamicField('Severity', 'high')])
    tid = int(res['TicketID'])

    t = otrs.ticket_get_by_id(tid, articles=True, attachments=True, dynamic_fields=True)
    assert t.tid == tid
    f = t.fields
    assert (f['Title'], f['State'], f['StateType'], f['Priority'], f['PriorityID']) == \
        ('Zq otrs printer', 'new', 'new', '3 normal', '3')
    assert (f['Queue'], f['QueueID'], f['Lock'], f['Owner']) == ('General', '1', 'unlock', 'Nobody')
    assert f['CustomerUserID'] == 'alice@example.com'
    assert f['TicketNumber'] == str(tid)
    assert t.dynamic_field_get('Severity').value == 'high'
    assert len(t.articles) == 1
    a = t.articles[0]
    assert a.aid == int(res['ArticleID'])
    assert a.field_get('Subject') == 'About Zq otrs printer'
    assert a.field_get('Body') == 'Body of Zq otrs printer'
    assert a.field_get('IsVisibleForCustomer') == 1
    assert a.field_get('SenderType') == 'agent'
    assert base64.b64decode(a.attachment_get('hello.bin').Content) == b'hello \x00\xff bytes'
    assert t.article_get(res['ArticleID']) is a

    # the same ticket as RT sees it
    r = rest2.get(rest2.base + f'ticket/{tid}').json()
    assert (r['Subject'], r['Status'], r['Priority']) == ('Zq otrs printer', 'new', '50')
    assert r['Requestor'][0]['id'] == 'alice@example.com'

    assert otrs.ticket_get_by_number(str(tid)).tid == tid
    assert otrs.ticket_search(Title='%otrs printer%') == [str(tid)]
    assert otrs.ticket_search(Title='%otrs printer%', Queues=['General'], States=['new', 'open']) == [str(tid)]
    assert otrs.ticket_search(Title='%otrs printer%', States=['closed successful']) == []
    assert otrs.ticket_search(TicketNumber=str(tid), CustomerUserLogin='alice@example.com') == [str(tid)]

    upd = otrs.ticket_update(tid, article=Article({'Subject': 'Reply', 'Body': 'We are on it'}),
                             State='open', Priority='4 high', Title='Zq otrs printer (fixing)')
    assert upd['TicketID'] == str(tid) and upd['ArticleID'].isdigit()
    note = Article({'Subject': 'Internal', 'Body': 'staff only', 'IsVisibleForCustomer': 0, 'TimeUnit': 7})
    upd2 = otrs.ticket_update(tid, article=note, dynamic_fields=[DynamicField('Severity', 'low')])
    t = otrs.ticket_get_by_id(tid, articles=True)
    assert (t.field_get('State'), t.field_get('Priority'), t.field_get('Title')) == \
        ('open', '4 high', 'Zq otrs printer (fixing)')
    assert t.dynamic_field_get('Severity').value == 'low'
    assert [x.field_get('Subject') for x in t.articles] == ['About Zq otrs printer', 'Reply', 'Internal']
    internal = t.article_get(upd2['ArticleID'])
    assert (internal.field_get('IsVisibleForCustomer'), internal.field_get('ArticleType')) == (0, 'note-internal')
    r = rest2.get(rest2.base + f'ticket/{tid}').json()
    assert (r['Status'], r['Priority'], r['TimeWorked']) == ('open', '75', '7')

    assert otrs.ticket_update_set_pending(tid)
    assert otrs.ticket_get_by_id(tid).field_get('State') == 'pending reminder'
    assert rest2.get(rest2.base + f'ticket/{tid}').json()['Status'] == 'stalled'
    assert otrs.ticket_update(tid, State='closed successful')
    assert otrs.ticket_get_by_id(tid).field_get('StateType') == 'closed'
    assert rest2.get(rest2.base + f'ticket/{tid}').json()['Status'] == 'resolved'

    h = otrs.ticket_history_get_by_id(tid)
    assert h['TicketID'] == str(tid)
    types = [e['HistoryType'] for e in h['History']]
    assert types[0] == 'NewTicket'
    for expected in ('SendAnswer', 'AddNote', 'StateUpdate', 'PriorityUpdate', 'TicketDynamicFieldUpdate'):
        assert expected in types, types
    assert h['History'][0]['Name'] == 'Ticket created'
    assert {e['ArticleID'] for e in h['History'] if e['HistoryType'] == 'AddNote'} == {upd2['ArticleID']}


def test_get_list_and_internal_note_at_create(otrs):
    a = _create(otrs, 'Zq list one')
    t = Ticket.create_basic(Title='Zq list two', Queue='General', State='open', Priority='1 very low', CustomerUser='bob@example.com')
    b = otrs.ticket_create(t, Article({'Subject': 'n', 'Body': 'internal first', 'IsVisibleForCustomer': 0}))
    got = otrs.ticket_get_by_list([a['TicketID'], b['TicketID']], articles=True)
    assert [x.tid for x in got] == [int(a['TicketID']), int(b['TicketID'])]
    assert got[1].field_get('State') == 'open'
    assert got[1].field_get('Priority') == '1 very low'
    assert [x.field_get('ArticleType') for x in got[1].articles] == ['note-internal']
    assert otrs.ticket_get_by_list([]) == []


def test_agent_sees_only_general(otrs, otrs_agent):
    t = Ticket.create_basic(Title='Zq secret otrs', Queue='Secret', State='new', Priority='3 normal', CustomerUser='carol@example.com')
    secret = otrs.ticket_create(t, Article({'Subject': 's', 'Body': 'b'}))
    mine = _create(otrs_agent, 'Zq agent otrs')
    assert otrs_agent.ticket_search(Title='%otrs%', Queues=['Secret']) == []
    assert mine['TicketID'] in otrs_agent.ticket_search(Title='%Zq agent otrs%')
    assert secret['TicketID'] in otrs.ticket_search(Title='%Zq secret otrs%')
