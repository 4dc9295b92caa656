"""python-rt search(): TicketSQL, ordering, formats and paging over the bulk set
(rt-wire.md 4.1 collections, 4.2 search, 6 TicketSQL)."""

from __future__ import annotations

import pytest
import rt.exceptions
from _util import BULK_N, BULK_TAG, DATE_RE, cf_values

TAG_Q = f"Subject LIKE '{BULK_TAG}'"


def _ids(items):
    return [int(x['id']) for x in items]


def _expect(bulk, pred=lambda t: True):
    return sorted(t['id'] for t in bulk if pred(t))


def _search_ids(client, raw_query, **kw):
    return sorted(_ids(client.search(raw_query=raw_query, query_format='i', **kw)))


def _ticket_requests(client):
    return [r for r in client.wire.responses if r.request.url.path == '/REST/2.0/tickets']


def test_search_pages_through_all(admin, bulk):
    items = list(admin.search(raw_query=TAG_Q, query_format='i'))
    ids = _ids(items)
    assert len(ids) == BULK_N == len(set(ids))
    assert ids == _expect(bulk)  # default order: id ascending
    reqs = _ticket_requests(admin)
    assert [r.request.url.params['page'] for r in reqs] == ['1', '2', '3', '4']
    assert all(r.request.url.params['per_page'] == '20' for r in reqs)
    assert reqs[0].request.url.params['query'] == f'({TAG_Q})'
    first = reqs[0].json()
    assert (first['count'], first['page'], first['per_page'], first['pages'], first['total']) == (20, 1, 20, 4, BULK_N)
    last = reqs[-1].json()
    assert (last['count'], last['page']) == (2, 4)
    for item in items:
        assert set(item) == {'id', 'type', '_url'}, item
        assert isinstance(item['id'], str) and item['type'] == 'ticket'
        assert item['_url'].endswith(f'/REST/2.0/ticket/{item["id"]}')


def test_search_queue_parameter(admin, bulk):
    assert _search_ids(admin, TAG_Q, queue='General') == _expect(bulk, lambda t: t['queue'] == 'General')
    assert _ticket_requests(admin)[0].request.url.params['query'] == f"(Queue='General') AND ({TAG_Q})"
    assert _search_ids(admin, TAG_Q, queue='Secret') == _expect(bulk, lambda t: t['queue'] == 'Secret')


def test_search_order_desc_and_asc(admin, bulk):
    ids = _ids(admin.search(raw_query=TAG_Q, order='-id', query_format='i'))
    assert ids == sorted((t['id'] for t in bulk), reverse=True)
    params = _ticket_requests(admin)[0].request.url.params
    assert (params['orderby'], params['order']) == ('id', 'DESC')

    subjects = [x['Subject'] for x in admin.search(raw_query=TAG_Q, order='Subject', query_format='s')]
    assert subjects == sorted(t['subject'] for t in bulk)
    assert 'order' not in _ticket_requests(admin)[-1].request.url.params

    subjects = [x['Subject'] for x in admin.search(raw_query=TAG_Q, order='-Subject', query_format='s')]
    assert subjects == sorted((t['subject'] for t in bulk), reverse=True)

    prios = [int(x['Priority']) for x in admin.search(raw_query=TAG_Q, order='-Priority', query_format=['Priority'])]
    assert prios == sorted((t['priority'] for t in bulk), reverse=True)


def test_search_format_s(admin, bulk):
    items = list(admin.search(raw_query=TAG_Q, query_format='s'))
    assert _ticket_requests(admin)[0].request.url.params['fields'] == 'Subject'
    by_id = {int(x['id']): x for x in items}
    for t in bulk:
        assert set(by_id[t['id']]) == {'id', 'type', '_url', 'Subject'}
        assert by_id[t['id']]['Subject'] == t['subject']


def test_search_format_l(admin, bulk, server):
    items = list(admin.search(raw_query=TAG_Q, query_format='l'))
    params = _ticket_requests(admin)[0].request.url.params
    assert params['fields[Queue]'] == 'Name'
    assert len(items) == BULK_N
    by_id = {int(x['id']): x for x in items}
    for t in bulk:
        x = by_id[t['id']]
        assert x['Subject'] == t['subject']
        assert x['Status'] == t['status']
        assert x['Priority'] == str(t['priority'])
        assert x['Queue']['Name'] == t['queue']
        assert x['Queue']['type'] == 'queue'
        assert x['Owner']['id'] == 'Nobody'
        assert x['Type'] == 'ticket'
        assert [r['id'] for r in x['Requestor']] == [t['requestor']]
        assert x['Cc'] == [] and x['AdminCc'] == []
        assert DATE_RE.match(x['Created']) and DATE_RE.match(x['LastUpdated'])
        assert cf_values(x, 'Severity') == ([t['severity']] if t['severity'] else [])
        for col in ('Started', 'TimeEstimated', 'Due', 'InitialPriority', 'TimeLeft'):
            assert col in x, (col, x)


def test_search_format_list_and_dict(admin, bulk):
    items = list(admin.search(raw_query=TAG_Q, query_format=['Status', 'Priority']))
    assert _ticket_requests(admin)[0].request.url.params['fields'] == 'Status,Priority'
    spec = {t['id']: t for t in bulk}
    for x in items:
        assert set(x) == {'id', 'type', '_url', 'Status', 'Priority'}, x
        assert x['Status'] == spec[int(x['id'])]['status']
    items = list(admin.search(raw_query=TAG_Q, query_format={'fields': 'Subject,Owner', 'fields[Owner]': 'Name'}))
    for x in items:
        assert set(x) == {'id', 'type', '_url', 'Subject', 'Owner'}, x
        assert x['Owner']['Name'] == 'Nobody'


@pytest.mark.parametrize(
    'query, pred',
    [
        (
            f"{TAG_Q} AND (Status = 'open' OR Status = 'resolved')",
            lambda t: t['status'] in ('open', 'resolved'),
        ),
        (
            f"{TAG_Q} AND (Status = 'open' OR Status = 'resolved') AND "
            "(Requestor.EmailAddress = 'cust1@example.test' OR Requestor.EmailAddress = 'cust2@example.test')",
            lambda t: t['status'] in ('open', 'resolved') and t['requestor'] in ('cust1@example.test', 'cust2@example.test'),
        ),
        (
            f"({TAG_Q} AND Status = 'new') OR ({TAG_Q} AND Subject LIKE 'network')",
            lambda t: t['status'] == 'new' or t['word'] == 'network',
        ),
        ("Requestor.EmailAddress = 'cust3@example.test'", lambda t: t['requestor'] == 'cust3@example.test'),
        (f"{TAG_Q} AND Requestor = 'cust4@example.test'", lambda t: t['requestor'] == 'cust4@example.test'),
        (f"{TAG_Q} AND Subject LIKE 'PRINTER'", lambda t: t['word'] == 'printer'),  # case-insensitive
        (f"{TAG_Q} AND Subject LIKE 'mailbox'", lambda t: t['word'] == 'Mailbox'),
        (f"{TAG_Q} AND Subject NOT LIKE 'printer'", lambda t: t['word'] != 'printer'),
        (f"{TAG_Q} AND Status != 'new'", lambda t: t['status'] != 'new'),
        (f"{TAG_Q} AND CF.{{Severity}} = 'High'", lambda t: t['severity'] == 'High'),
        (f"{TAG_Q} AND 'CF.{{Severity}}' = 'Low'", lambda t: t['severity'] == 'Low'),
        (
            f"{TAG_Q} AND (CF.{{Severity}} = 'High' OR CF.{{Severity}} = 'Medium') AND Queue = 'General'",
            lambda t: t['severity'] in ('High', 'Medium') and t['queue'] == 'General',
        ),
        (f"{TAG_Q} AND CF.{{Severity}} IS NULL", lambda t: t['severity'] is None),
        (f"{TAG_Q} AND Queue = 'Secret'", lambda t: t['queue'] == 'Secret'),
        (f"{TAG_Q} AND Priority > 6", lambda t: t['priority'] > 6),
    ],
)
def test_search_ticketsql(admin, bulk, query, pred):
    expected = _expect(bulk, pred)
    assert expected, 'test data must match something'
    assert _search_ids(admin, query) == expected


def test_search_id_range(admin, bulk):
    ids = _expect(bulk)
    lo, hi = ids[10], ids[40]
    assert _search_ids(admin, f'id > {lo} AND id <= {hi}') == [i for i in ids if lo < i <= hi]
    assert _search_ids(admin, f"id = '{ids[5]}'") == [ids[5]]


def test_search_kwargs(admin, bulk):
    got = sorted(_ids(admin.search(queue='General', query_format='i', Subject__like=BULK_TAG, Status='open')))
    assert _ticket_requests(admin)[0].request.url.params['query'] == f"(Queue='General') AND (Subject LIKE '{BULK_TAG}') AND (Status='open')"
    assert got == _expect(bulk, lambda t: t['queue'] == 'General' and t['status'] == 'open')
    got = sorted(_ids(admin.search(query_format='i', Subject__like=BULK_TAG, Status__notexact='new', Priority__lt=3)))
    assert got == _expect(bulk, lambda t: t['status'] != 'new' and t['priority'] < 3)


def test_search_no_match_is_empty(admin, bulk):
    assert list(admin.search(raw_query="Subject LIKE 'no-such-subject-anywhere'")) == []


def test_bad_ticketsql_is_bad_request_with_position(admin):
    with pytest.raises(rt.exceptions.BadRequestError) as exc:
        list(admin.search(raw_query='Status = '))
    msg = str(exc.value)
    # python-rt wraps raw_query in parentheses; RT marks the offending token as >token<--here
    assert msg.startswith("Wrong query, expecting a VALUE in '(Status = >)<--here'"), msg
    r = admin.wire.last
    assert r.status_code == 400
    assert r.json()['message'] == msg


@pytest.mark.parametrize('query', ['Status = >', "Subject = 'unterminated", "Status = 'open' AND", "(Status = 'open'", 'Status'])
def test_bad_ticketsql_variants(admin, query):
    with pytest.raises(rt.exceptions.BadRequestError) as exc:
        list(admin.search(raw_query=query, query_format='i'))
    assert str(exc.value).startswith('Wrong query'), str(exc.value)
    assert '<--here' in str(exc.value), str(exc.value)


def test_unknown_field_is_bad_request(admin):
    with pytest.raises(rt.exceptions.BadRequestError) as exc:
        list(admin.search(raw_query="Bogusfield = 'x'", query_format='i'))
    assert str(exc.value)
    assert admin.wire.last.status_code == 400


def test_raw_collection_paging(raw, bulk, server):
    q = {'query': TAG_Q}
    r = raw.get('tickets', params={**q, 'per_page': 100})
    body = r.json()
    assert (body['count'], body['per_page'], body['pages'], body['total'], body['page']) == (BULK_N, 100, 1, BULK_N, 1)
    assert 'next_page' not in body and 'prev_page' not in body
    assert raw.get('tickets', params={**q, 'per_page': 1000}).json()['per_page'] == 100
    assert raw.get('tickets', params={**q, 'per_page': 0}).json()['per_page'] == 20
    assert raw.get('tickets', params={**q, 'per_page': 'junk'}).json()['per_page'] == 20
    body = raw.get('tickets', params={**q, 'page': 2, 'per_page': 20}).json()
    assert body['count'] == 20 and body['page'] == 2
    assert body['next_page'].startswith(f'{server.url}/REST/2.0/tickets') and 'page=3' in body['next_page']
    assert body['prev_page'].startswith(f'{server.url}/REST/2.0/tickets') and 'page=1' in body['prev_page']
    body = raw.get('tickets', params={**q, 'page': 4, 'per_page': 20}).json()
    assert body['count'] == 2 and 'next_page' not in body
    body = raw.get('tickets', params={**q, 'page': 9, 'per_page': 20}).json()
    assert body['count'] == 0 and body['items'] == []
