"""Error cases: every application error is HTTP 200 with an OTRS error object."""

import pyotrs
import pytest
import requests
from pyotrs import Article, Ticket

from conftest import WS


def _code(excinfo):
    return str(excinfo.value).split('OTRS Error Code: ')[1].split('\n')[0]


def test_unknown_ticket(otrs):
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs.ticket_get_by_id(987654)
    assert _code(e) == 'TicketGet.NotValidTicketID'
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs.ticket_history_get_by_id(987654)
    assert _code(e) == 'TicketHistoryGet.InvalidParameter'


def test_access_denied(otrs, otrs_agent):
    t = Ticket.create_basic(Title='Zq denied', Queue='Secret', State='new', Priority='3 normal', CustomerUser='d@example.com')
    tid = otrs.ticket_create(t, Article({'Subject': 's', 'Body': 'b'}))['TicketID']
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs_agent.ticket_get_by_id(tid)
    assert _code(e) == 'TicketGet.AccessDenied'
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs_agent.ticket_update(tid, State='open')
    assert _code(e) == 'TicketUpdate.AccessDenied'
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs_agent.ticket_create(t, Article({'Subject': 's', 'Body': 'b'}))
    assert _code(e) == 'TicketCreate.AccessDenied'


def test_bad_values(otrs):
    t = Ticket.create_basic(Title='Zq bad', Queue='General', State='new', Priority='3 normal', CustomerUser='e@example.com')
    tid = otrs.ticket_create(t, Article({'Subject': 's', 'Body': 'b'}))['TicketID']
    for kw, msg in [({'State': 'bogus'}, 'Ticket->State is invalid!'),
                    ({'Priority': '9 ultra'}, 'Ticket->Priority is invalid!'),
                    ({'Queue': 'NoSuchQueue'}, 'Ticket->Queue is invalid!'),
                    ({'Color': 'red'}, 'Ticket->Color is not supported!')]:
        with pytest.raises(pyotrs.lib.APIError) as e:
            otrs.ticket_update(tid, **kw)
        assert _code(e) == 'TicketUpdate.InvalidParameter'
        assert msg in str(e.value)
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs.ticket_search(Frobnicate='1')
    assert _code(e) == 'TicketSearch.InvalidParameter'
    bad = Ticket.create_basic(Title='x', Queue='NoSuchQueue', State='new', Priority='3 normal', CustomerUser='e@example.com')
    with pytest.raises(pyotrs.lib.APIError) as e:
        otrs.ticket_create(bad, Article({'Subject': 's', 'Body': 'b'}))
    assert _code(e) == 'TicketCreate.InvalidParameter'


def test_wrong_session(server, otrs):
    good = otrs.session_id_store.value
    otrs.session_id_store.value = 'forged.token.value'
    try:
        with pytest.raises(pyotrs.lib.APIError) as e:
            otrs.ticket_search(Title='%x%')
        assert _code(e) == 'TicketSearch.AuthFail'
    finally:
        otrs.session_id_store.value = good


def test_raw_wire_errors(server, otrs):
    base = f'{server.url}{WS}/GenericTicketConnectorREST'
    token = otrs.session_id_store.value
    r = requests.post(f'{base}/Ticket', data='{not json', headers={'Content-Type': 'application/json'}, timeout=30)
    assert r.status_code == 200
    assert r.json()['Error']['ErrorCode'] == 'TicketCreate.InvalidParameter'
    r = requests.post(f'{base}/Ticket', json={'AccessToken': token, 'Ticket': {'Title': 'x'}}, timeout=30)
    assert r.status_code == 200
    assert r.json() == {'Error': {'ErrorCode': 'TicketCreate.MissingParameter',
                                  'ErrorMessage': 'TicketCreate: Article parameter is missing or not valid!'}}
    r = requests.get(f'{base}/Ticket/1', timeout=30)
    assert r.status_code == 200
    assert r.json()['Error']['ErrorCode'] == 'TicketGet.MissingParameter'
    r = requests.get(f'{base}/Ticket/abc', params={'AccessToken': token}, timeout=30)
    assert (r.status_code, r.json()['Error']['ErrorCode']) == (200, 'TicketGet.NotValidTicketID')
    r = requests.patch(f'{base}/Ticket/1', data=b'[1,2]', timeout=30)
    assert (r.status_code, r.json()['Error']['ErrorCode']) == (200, 'TicketUpdate.InvalidParameter')
    # the nested DynamicField search form needs a JSON body; in a query string it is refused
    r = requests.get(f'{base}/Ticket', params={'AccessToken': token, 'DynamicField_Severity': 'Equals'}, timeout=30)
    assert (r.status_code, r.json()['Error']['ErrorCode']) == (200, 'TicketSearch.InvalidParameter')
    r = requests.get(f'{server.url}{WS}/NoSuchService/Ticket', timeout=30)
    assert r.status_code == 404


def test_dynamic_field_search_with_json_body(server, otrs):
    from pyotrs import DynamicField
    t = Ticket.create_basic(Title='Zq df search', Queue='General', State='new', Priority='3 normal', CustomerUser='f@example.com')
    tid = otrs.ticket_create(t, Article({'Subject': 's', 'Body': 'b'}), dynamic_fields=[DynamicField('Severity', 'zq-critical')])['TicketID']
    base = f'{server.url}{WS}/GenericTicketConnectorREST'
    r = requests.get(f'{base}/Ticket', json={'AccessToken': otrs.session_id_store.value,
                                             'DynamicField_Severity': {'Equals': ['zq-critical']}}, timeout=30)
    assert r.json() == {'TicketID': [tid]}
