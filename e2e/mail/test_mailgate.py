"""Mail into Hushdesk through Debian's real rt-mailgate and through `hushdesk mailgate`."""

from __future__ import annotations

import json
import re
import subprocess
import uuid

import requests
from conftest import SAMPLES, run_mailgate
from hushdesk_server import Server


def message(subject: str, body: str = 'Hello, my laptop does not boot any more.', **headers: str) -> bytes:
    lines = [f'From: {headers.pop("sender", "alice@example.test")}', 'To: support@example.test', f'Subject: {subject}']
    lines += [f'{k.replace("_", "-")}: {v}' for k, v in headers.items()]
    lines += ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body, '']
    return '\n'.join(lines).encode()


def find(rest2, sql: str) -> list[dict]:
    r = rest2.get(rest2.base + 'tickets', params={'query': sql, 'fields': 'Subject,Queue'})
    assert r.status_code == 200, r.text
    return r.json()['items']


def history(rest2, tid: int) -> list[str]:
    r = rest2.get(rest2.base + f'ticket/{tid}/history', params={'fields': 'Type', 'per_page': 100})
    assert r.status_code == 200, r.text
    return [t['Type'] for t in r.json()['items']]


def first_text(rest2, tid: int) -> bytes:
    r = rest2.post(rest2.base + f'ticket/{tid}/attachments', params={'fields': 'Filename,ContentType', 'per_page': 100}, json=[])
    assert r.status_code == 200, r.text
    import base64
    for item in r.json()['items']:
        if item['ContentType'] == 'text/plain' and not item.get('Filename'):
            a = rest2.get(rest2.base + f'attachment/{item["id"]}').json()
            return base64.b64decode(''.join(a['Content'].split()))
    raise AssertionError('no text part')


def test_rt_mailgate_creates_and_threads(server, rest2, rt_mailgate):
    tag = uuid.uuid4().hex[:8]
    mid = f'<{tag}@example.test>'
    first = message(f'printer {tag}', Message_ID=mid)
    res = run_mailgate(rt_mailgate, server.url, first, '--queue', 'General', '--action', 'correspond')
    assert res.returncode == 0, res.stderr
    found = find(rest2, f"Subject = 'printer {tag}'")
    assert len(found) == 1
    tid = int(found[0]['id'])
    t = rest2.get(rest2.base + f'ticket/{tid}').json()
    assert t['Requestor'][0]['id'] == 'alice@example.test'

    # The MTA delivers the same message again: nothing new.
    assert run_mailgate(rt_mailgate, server.url, first, '--queue', 'General').returncode == 0
    assert history(rest2, tid) == ['Create']

    # Replies thread by In-Reply-To and by the subject tag.
    reply = message('Re: printer', body='Still broken.', Message_ID=f'<r-{tag}@example.test>', In_Reply_To=mid)
    assert run_mailgate(rt_mailgate, server.url, reply, '--queue', 'General', '--action', 'correspond').returncode == 0
    tagged = message(f'Re: [hushdesk #{tid}] printer', body='And now?', Message_ID=f'<t-{tag}@example.test>')
    assert run_mailgate(rt_mailgate, server.url, tagged, '--queue', 'General').returncode == 0
    assert history(rest2, tid) == ['Create', 'Correspond', 'Correspond']
    assert len(find(rest2, f"Subject LIKE '{tag}'")) == 1


def test_rt_mailgate_tempfails_when_server_is_down(rt_mailgate, dead_url):
    res = run_mailgate(rt_mailgate, dead_url, message('nobody home'), '--queue', 'General')
    assert res.returncode == 75, (res.returncode, res.stderr)


def test_rt_mailgate_tempfails_on_unknown_queue(server, rt_mailgate):
    res = run_mailgate(rt_mailgate, server.url, message('no queue'), '--queue', 'NoSuchQueue')
    assert res.returncode == 75, (res.returncode, res.stderr)
    assert b'503' in res.stderr
    # hushdesk mailgate shows the server's reason.
    res = server.run_cli('mailgate', '--url', server.url, '--queue', 'NoSuchQueue', input=message('no queue'))
    assert res.returncode == 75
    assert b"queue 'NoSuchQueue' does not exist" in res.stderr


def test_hushdesk_mailgate_over_http_and_direct(server, rest2):
    tag = uuid.uuid4().hex[:8]
    res = server.run_cli('mailgate', '--url', server.url, '--queue', 'General', input=message(f'cli {tag}'))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(b'ok\nTicket: ')
    tid = int(res.stdout.split(b'\n')[1].split(b': ')[1])
    assert find(rest2, f"Subject = 'cli {tag}'")[0]['id'] == str(tid)
    # Without --url it writes to the database itself (the server keeps running).
    res = server.run_cli('mailgate', '--queue', 'General', input=message(f'direct {tag}'))
    assert res.returncode == 0, res.stderr
    assert len(find(rest2, f"Subject = 'direct {tag}'")) == 1


def test_hushdesk_mailgate_exit_codes(server, dead_url):
    # Server down: temporary, the MTA retries.
    res = server.run_cli('mailgate', '--url', dead_url, '--queue', 'General', input=message('down'))
    assert res.returncode == 75, res.stderr
    # Too large for the server's limit (8 MiB here): permanent, with the reason for the bounce.
    big = message('big', body='x' * (9 * 1024 * 1024))
    res = server.run_cli('mailgate', '--url', server.url, '--queue', 'General', input=big)
    assert res.returncode == 65, res.stderr
    assert b'message too large' in res.stderr
    # A comment from a stranger: not permitted.
    res = server.run_cli('mailgate', '--url', server.url, '--queue', 'General', input=message('c'))
    tid = int(res.stdout.split(b'\n')[1].split(b': ')[1])
    res = server.run_cli('mailgate', '--url', server.url, '--action', 'comment', input=message(f'[hushdesk #{tid}] c', sender='mallory@example.test'))
    assert res.returncode == 77, (res.returncode, res.stderr)
    assert b'permission denied' in res.stderr
    # Nothing on standard input.
    res = server.run_cli('mailgate', '--url', server.url, input=b'')
    assert res.returncode == 65


def delivered_ticket(res: subprocess.CompletedProcess) -> int:
    assert res.returncode == 0, (res.returncode, res.stderr)
    lines = res.stdout.decode().splitlines()
    assert lines[0] == 'ok', lines
    return int(lines[1].removeprefix('Ticket: '))


def rt_deliver(rt_mailgate: str, url: str, raw: bytes, queue: str) -> int:
    """Delivers with Debian's rt-mailgate; `--debug` shows the gateway's answer (the ticket)."""
    res = run_mailgate(rt_mailgate, url, raw, '--queue', queue, '--action', 'correspond', '--debug')
    assert res.returncode == 0, (res.returncode, res.stderr)
    m = re.search(rb'^Ticket: (\d+)$', res.stderr, re.M)
    assert m, res.stderr
    return int(m.group(1))


def ticket_total(rest2) -> int:
    r = rest2.get(rest2.base + 'tickets', params={'query': 'id > 0', 'per_page': 1})
    assert r.status_code == 200, r.text
    return r.json()['total']


def truth(n: int) -> dict:
    return json.loads((SAMPLES / f'wb-{n:04d}.truth.json').read_bytes())


LANGUAGE_QUEUES = {'fr': 'French', 'de': 'German', 'es': 'Spanish'}
# Where each report language goes: the queues above, General (language en), else where it arrived.
ROUTES = LANGUAGE_QUEUES | {'en': 'General'}


def report_queue(rest2) -> None:
    """`wb-reports` holds the samples' secret key; French, German and Spanish queues exist."""
    for name, lang in [*((q, l) for l, q in LANGUAGE_QUEUES.items()), ('wb-reports', None)]:
        body = {'Name': name} | ({'Language': lang} if lang else {})
        r = rest2.post(rest2.base + 'queue', json=body)
        assert r.status_code in (201, 409), r.text
    key = (SAMPLES / 'testkey' / 'helpdesk-test.sec.asc').read_text()
    r = rest2.post(rest2.base + 'queue/wb-reports/keys', json={'armored': key})
    assert r.status_code == 201, r.text


def test_whisperback_plain_mime_samples_body_is_the_report(server, rest2, rt_mailgate):
    """The unencrypted inner entity (`.mime.eml`: us-ascii 7bit or utf-8 base64, CRLF in
    wb-0006) of every sample, through rt-mailgate: the ticket body is the report, byte for byte."""
    for n in range(1, 9):
        raw = (SAMPLES / f'wb-{n:04d}.mime.eml').read_bytes()
        want = (SAMPLES / f'wb-{n:04d}.txt').read_bytes()
        tid = rt_deliver(rt_mailgate, server.url, raw, 'General')
        assert first_text(rest2, tid) == want, n


def test_whisperback_pgp_mime_samples_become_reports(server, rest2, rt_mailgate):
    """WhisperBack's PGP/MIME (encrypted to the sample key) through rt-mailgate: the ticket body
    is the report byte for byte, in the queue of the user's language, the contact as requestor
    (never WhisperBack's devnull From), the facts readable; redelivery and the same report
    wrapped inline store nothing new."""
    report_queue(rest2)
    tickets = {}
    for n in range(1, 9):
        t = truth(n)
        raw = (SAMPLES / f'wb-{n:04d}.pgpmime.eml').read_bytes()
        tid = rt_deliver(rt_mailgate, server.url, raw, 'wb-reports')
        tickets[n] = tid
        assert first_text(rest2, tid) == (SAMPLES / f'wb-{n:04d}.txt').read_bytes(), n
        tk = rest2.get(rest2.base + f'ticket/{tid}', params={'fields[Queue]': 'Name'}).json()
        assert tk['Queue']['Name'] == ROUTES.get(t['user_language'], 'wb-reports'), (n, t['user_language'])
        assert tk['Subject'] == t['summary'].strip(), n
        want_req = [t['contact_email'].lower()] if t['contact_email'] else []
        assert [r['id'].lower() for r in tk['Requestor']] == want_req, n
        r = rest2.get(rest2.base + f'ticket/{tid}/whisperback')
        assert r.status_code == 200, r.text
        facts = r.json()
        assert facts['report_id'] == t['mail_subject'].removeprefix('Bug report:').strip(), n
        assert facts['language'] == t['user_language'], n
        if t['extractable']['tails_version']:
            assert facts['tails_version'] == t['tails_version'], n
        gpus = [d['key'] for d in facts['devices'] if d['role'] == 'gpu']
        assert gpus == ([g['pci_id'] for g in t['hardware']['gpus']] if t['extractable']['gpus'] else []), n
        assert history(rest2, tid) == ['Create']

    before = ticket_total(rest2)
    for n in range(1, 9):
        for wrap in ('pgpmime', 'inline'):
            raw = (SAMPLES / f'wb-{n:04d}.{wrap}.eml').read_bytes()
            assert rt_deliver(rt_mailgate, server.url, raw, 'wb-reports') == tickets[n], (n, wrap)
    assert ticket_total(rest2) == before
    assert all(history(rest2, tid) == ['Create'] for tid in tickets.values())


def test_whisperback_inline_samples_become_reports(tmp_path_factory, rt_mailgate):
    """A user's inline PGP wrapping of every sample, through rt-mailgate into a fresh server
    (the PGP/MIME copies already hold these report ids in the session's server): the ticket
    body is the report, byte for byte."""
    from conftest import ADMIN_PW
    srv = Server(tmp_path_factory.mktemp('hushdesk-inline'), {'HUSHDESK_INITIAL_ADMIN_PASSWORD': ADMIN_PW})
    try:
        srv.start()
        with requests.Session() as rest2:
            rest2.auth = ('root', ADMIN_PW)
            rest2.base = f'{srv.url}/REST/2.0/'
            report_queue(rest2)
            for n in range(1, 9):
                raw = (SAMPLES / f'wb-{n:04d}.inline.eml').read_bytes()
                tid = rt_deliver(rt_mailgate, srv.url, raw, 'wb-reports')
                assert first_text(rest2, tid) == (SAMPLES / f'wb-{n:04d}.txt').read_bytes(), n
                facts = rest2.get(rest2.base + f'ticket/{tid}/whisperback').json()
                assert facts['language'] == truth(n)['user_language'], n
            assert ticket_total(rest2) == 8
    finally:
        srv.stop()
