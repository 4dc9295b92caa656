"""GET /REST/2.0/rt and authentication (rt-wire.md sections 1, 2, 4.1)."""

from __future__ import annotations

import re

import httpx2
import pytest
import requests
import rt.exceptions
import rt.rest2
from _util import ADMIN_PW, AGENT_PW


def test_python_rt_uses_httpx2_basic_auth():
    # python-rt 3.8.1 imports the `httpx2` package; http_auth takes an httpx2.Auth.
    assert rt.rest2.httpx2 is httpx2
    assert issubclass(httpx2.BasicAuth, httpx2.Auth)


def test_rt_endpoint_with_requests(server, rest_url):
    r = requests.get(rest_url + 'rt', auth=('root', ADMIN_PW), timeout=30)
    assert r.status_code == 200, r.text
    assert r.headers['Content-Type'].startswith('application/json')
    assert 'charset' in r.headers['Content-Type'].lower()
    body = r.json()
    assert isinstance(body['Version'], str) and body['Version']
    assert body['Plugins'] == []


def test_rt_endpoint_with_httpx2_token(server, rest_url):
    r = httpx2.get(rest_url + 'rt', headers={'Authorization': f'token {server.root_token}'}, timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()['Plugins'] == []


def test_token_format(server):
    assert re.fullmatch(r'\d+-\d+-[0-9a-f]{32}', server.root_token), server.root_token


def test_no_credentials_is_401_json(rest_url):
    r = httpx2.get(rest_url + 'rt', timeout=30)
    assert r.status_code == 401
    assert r.headers['Content-Type'].startswith('application/json')
    assert r.json() == {'message': 'Unauthorized'}
    assert 'WWW-Authenticate' not in r.headers


def test_wrong_password_raw_401(rest_url):
    r = httpx2.get(rest_url + 'queue/General', auth=httpx2.BasicAuth('root', 'not-the-password'), timeout=30)
    assert r.status_code == 401
    assert r.json() == {'message': 'Unauthorized'}


def test_basic_auth_admin(admin):
    user = admin.get_user('root')
    assert user['Name'] == 'root'
    assert user['Privileged'] == 1


def test_basic_auth_agent(agent):
    user = agent.get_user('agent1')
    assert user['Name'] == 'agent1'
    assert user['EmailAddress'] == 'agent1@example.com'


def test_token_auth(admin_token):
    queue = admin_token.get_queue('General')
    assert queue['Name'] == 'General'
    # the request really carried the token header and no Basic credentials
    req = admin_token.wire.last.request
    assert req.headers['Authorization'].startswith('token ')


def test_token_auth_can_write(admin_token, admin):
    tid = admin_token.create_ticket('General', subject='created with a token', content='tok')
    t = admin.get_ticket(tid)
    assert t['Subject'] == 'created with a token'
    assert t['Creator']['id'] == 'root'


def test_token_query_parameter(server, rest_url):
    r = httpx2.get(rest_url + 'queue/General', params={'token': server.root_token}, timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()['Name'] == 'General'


def test_wrong_password_raises_authorization_error(rest_url):
    client = rt.rest2.Rt(rest_url, http_auth=httpx2.BasicAuth('root', 'wrong-password'))
    with pytest.raises(rt.exceptions.AuthorizationError):
        client.get_queue('General')
    with pytest.raises(rt.exceptions.AuthorizationError):
        client.create_ticket('General', subject='must not be created', content='x')


def test_unknown_user_raises_authorization_error(rest_url):
    client = rt.rest2.Rt(rest_url, http_auth=httpx2.BasicAuth('nosuchuser', AGENT_PW))
    with pytest.raises(rt.exceptions.AuthorizationError):
        client.get_user('nosuchuser')


def test_bad_token_raises_authorization_error(server, rest_url):
    tok = server.root_token
    bad = tok[:-4] + ('0000' if not tok.endswith('0000') else '1111')
    client = rt.rest2.Rt(rest_url, token=bad)
    with pytest.raises(rt.exceptions.AuthorizationError):
        client.get_queue('General')
    client = rt.rest2.Rt(rest_url, token='garbage')
    with pytest.raises(rt.exceptions.AuthorizationError):
        client.get_queue('General')


def test_no_auth_raises_authorization_error(rest_url):
    client = rt.rest2.Rt(rest_url)
    with pytest.raises(rt.exceptions.AuthorizationError):
        client.get_ticket(1)


def test_url_must_end_in_rest_2_0(server):
    with pytest.raises(ValueError):
        rt.rest2.Rt(server.url + '/REST/1.0/')


def test_urls_come_from_web_base_url_not_host_header(server, raw):
    # rt-wire.md 4.1: _url is built from the configured WebBaseURL, not the request Host.
    r = raw.get('queue/General', headers={'Host': 'elsewhere.example:9999'})
    assert r.status_code == 200, r.text
    self_link = next(h for h in r.json()['_hyperlinks'] if h['ref'] == 'self')
    assert self_link['_url'] == f'{server.url}/REST/2.0/queue/1'
