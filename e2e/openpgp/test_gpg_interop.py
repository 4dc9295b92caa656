"""Interop with real GnuPG: mail that gpg encrypts and signs (PGP/MIME, inline, detached)
decrypts and verifies in Hushdesk; Hushdesk's outgoing mail, delivered over SMTP to a real
receiver, decrypts and verifies with gpg."""

from __future__ import annotations

import base64
import email
import email.policy
import re

GATEWAY = '/REST/1.0/NoAuth/mail-gateway'


def deliver(server, message: bytes, queue: str = 'General') -> int:
    import requests
    r = requests.post(server.url + GATEWAY, data={'queue': queue, 'action': 'correspond'},
                      files={'message': ('msg', message, 'application/octet-stream')}, timeout=60)
    assert r.status_code == 200, r.text
    lines = r.text.splitlines()
    assert lines[0] == 'ok', r.text
    return int(lines[1].removeprefix('Ticket: '))


def create_txn(rest2, ticket: int) -> int:
    r = rest2.get(rest2.base + f'ticket/{ticket}/history', params={'fields': 'Type', 'per_page': 100})
    assert r.status_code == 200, r.text
    return int(next(i['id'] for i in r.json()['items'] if i['Type'] == 'Create'))


def status(rest2, ticket: int) -> dict:
    r = rest2.get(rest2.base + f'transaction/{create_txn(rest2, ticket)}/openpgp')
    assert r.status_code == 200, r.text
    return r.json()


def first_text(rest2, ticket: int) -> str:
    r = rest2.post(rest2.base + f'ticket/{ticket}/attachments', params={'fields': 'ContentType,Filename', 'per_page': 100}, json=[])
    assert r.status_code == 200, r.text
    for item in r.json()['items']:
        if item['ContentType'] == 'text/plain' and not item.get('Filename'):
            a = rest2.get(rest2.base + f'attachment/{item["id"]}').json()
            return base64.b64decode(''.join(a['Content'].split())).decode()
    raise AssertionError('no text part')


def pgp_mime(sender: str, subject: str, armored: bytes) -> bytes:
    return (f'From: {sender}\r\nTo: support@pgp.hushdesk.test\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n'
            'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="gpgBB"\r\n\r\n'
            '--gpgBB\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n'
            '--gpgBB\r\nContent-Type: application/octet-stream; name="encrypted.asc"\r\n\r\n').encode() + armored + b'\r\n--gpgBB--\r\n'


def test_pgp_mime_encrypted_and_signed_by_gpg(server, rest2, queue_key, alice):
    inner = ('Content-Type: text/plain; charset=utf-8; protected-headers="v1"\r\n'
             'Subject: Tor Browser will not start\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
             'Bonjour, Tor Browser ne démarre plus.\r\n').encode()
    ct = alice.run('--armor', '--sign', '--encrypt', '-r', queue_key['fingerprint'], '--local-user', alice.fpr, input=inner).stdout
    tid = deliver(server, pgp_mime('Alice <alice@example.test>', '...', ct))
    st = status(rest2, tid)
    assert (st['encryption'], st['signature'], st['signer']) == ('decrypted', 'good', alice.fpr), st
    assert st['protected_subject'] is True
    assert rest2.get(rest2.base + f'ticket/{tid}').json()['Subject'] == 'Tor Browser will not start'
    assert first_text(rest2, tid) == 'Bonjour, Tor Browser ne démarre plus.\r\n'


def test_inline_encrypted_and_clearsigned_by_gpg(server, rest2, queue_key, alice):
    ct = alice.run('--armor', '--sign', '--encrypt', '-r', queue_key['fingerprint'], '--local-user', alice.fpr,
                   input='Mein USB-Stick wird nicht erkannt.\n'.encode()).stdout
    msg = b'From: alice@example.test\nSubject: inline\nContent-Type: text/plain; charset=us-ascii\n\n' + ct
    tid = deliver(server, msg)
    st = status(rest2, tid)
    assert (st['encryption'], st['signature'], st['signer']) == ('decrypted', 'good', alice.fpr), st
    assert first_text(rest2, tid).strip() == 'Mein USB-Stick wird nicht erkannt.'

    signed = alice.run('--clearsign', '--local-user', alice.fpr, input=b'Clearsigned hello.\n').stdout
    tid = deliver(server, b'From: alice@example.test\nSubject: clearsigned\nContent-Type: text/plain\n\n' + signed)
    st = status(rest2, tid)
    assert (st['encryption'], st['signature'], st['signer']) == ('none', 'good', alice.fpr), st
    assert first_text(rest2, tid).strip() == 'Clearsigned hello.'


def test_pgp_mime_signed_by_gpg(server, rest2, alice, bob):
    part = b'Content-Type: text/plain; charset=us-ascii\r\n\r\nSigned, not sealed.\r\n'
    for who, expect in ((alice, 'good'), (bob, 'unknown_key')):
        sig = who.run('--armor', '--detach-sign', '--local-user', who.fpr, input=part).stdout
        msg = (f'From: {who.uid}\r\nSubject: signed by {who.uid}\r\nMIME-Version: 1.0\r\n'
               'Content-Type: multipart/signed; micalg=pgp-sha512; protocol="application/pgp-signature"; boundary="SIG"\r\n\r\n'
               '--SIG\r\n').encode() + part + b'\r\n--SIG\r\nContent-Type: application/pgp-signature\r\n\r\n' + sig + b'\r\n--SIG--\r\n'
        st = status(rest2, deliver(server, msg))
        assert st['signature'] == expect, st
        if expect == 'unknown_key':
            assert st['signer'] in who.run('--with-colons', '--list-keys', who.fpr).stdout.decode(), st


def _ticket(rest2, requestor: str, cc: str | None = None) -> int:
    body = {'Queue': 'General', 'Subject': f'Question from {requestor}', 'Content': 'x', 'Requestor': requestor}
    if cc:
        body['Cc'] = cc
    r = rest2.post(rest2.base + 'ticket', json=body)
    assert r.status_code == 201, r.text
    return int(r.json()['id'])


def test_outgoing_mail_decrypts_and_verifies_in_gpg(server, rest2, smtp, queue_key, alice, bob):
    tid = _ticket(rest2, 'alice@example.test', cc='bob@example.test')
    r = rest2.post(rest2.base + f'ticket/{tid}/correspond', json={'Content': 'Please boot from the new USB stick.\n', 'ContentType': 'text/plain'})
    assert r.status_code == 201, r.text
    tag = f'[hushdesk #{tid}]'

    # Alice's copy: PGP/MIME, decrypted and verified by gpg, protected subject inside.
    _, rcpts, raw = smtp.wait_for(lambda m: m[1] == ['alice@example.test'] and tag.encode() in m[2])
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg.get_content_type() == 'multipart/encrypted'
    assert msg['Subject'] == f'{tag} Question from alice@example.test'
    assert msg['From'].addresses[0].addr_spec == 'support@pgp.hushdesk.test'
    parts = list(msg.iter_parts())
    assert parts[0].get_payload(decode=True).strip() == b'Version: 1'
    res = alice.run('--status-fd', '1', '--decrypt', input=parts[1].get_payload(decode=True))
    statuses = res.stdout.decode(errors='replace')
    assert re.search(rf'\[GNUPG:\] VALIDSIG \S+ .* {queue_key["fingerprint"]}$', statuses, re.M), statuses
    assert '[GNUPG:] GOODSIG' in statuses
    assert '[GNUPG:] DECRYPTION_OKAY' in statuses
    inner = email.message_from_bytes(_plaintext(alice, parts[1].get_payload(decode=True)), policy=email.policy.default)
    assert inner['Subject'] == f'{tag} Question from alice@example.test'
    assert inner.get_content().replace('\r\n', '\n') == 'Please boot from the new USB stick.\n'

    # Bob's copy (no key known): signed PGP/MIME, verified by gpg over the exact signed part.
    _, rcpts, raw = smtp.wait_for(lambda m: m[1] == ['bob@example.test'] and tag.encode() in m[2])
    msg = email.message_from_bytes(raw)
    assert msg.get_content_type() == 'multipart/signed'
    boundary = msg.get_boundary().encode()
    body = raw.split(b'\r\n\r\n', 1)[1]
    signed = body.split(b'--' + boundary + b'\r\n')[1].rsplit(b'\r\n', 1)[0]
    sig = msg.get_payload()[1].get_payload(decode=True)
    sigfile = bob.home / 'sig.asc'
    datafile = bob.home / 'data'
    sigfile.write_bytes(sig)
    datafile.write_bytes(signed)
    res = bob.run('--status-fd', '1', '--verify', str(sigfile), str(datafile))
    assert '[GNUPG:] GOODSIG' in res.stdout.decode(errors='replace'), res.stderr.decode(errors='replace')
    assert queue_key['fingerprint'] in res.stdout.decode(errors='replace')

    # The outbox says so, and the history has the EmailRecord.
    items = rest2.get(rest2.base + f'ticket/{tid}/outbox').json()['items']
    assert [(i['status'], i['encrypted'], i['signed']) for i in items] == [('sent', True, True)]
    hist = rest2.get(rest2.base + f'ticket/{tid}/history', params={'fields': 'Type', 'per_page': 100}).json()['items']
    assert 'EmailRecord' in [h['Type'] for h in hist]


def _plaintext(g, ciphertext: bytes) -> bytes:
    return g.run('--decrypt', input=ciphertext).stdout


def test_reply_to_encrypted_ticket_is_held_until_a_key_is_known(server, rest2, smtp, queue_key, tmp_path_factory):
    from conftest import Gpg
    carol = Gpg(tmp_path_factory.mktemp('gnupg-carol'), 'Carol <carol@example.test>')
    carol.import_key(queue_key['public_key'])
    ct = carol.run('--armor', '--encrypt', '-r', queue_key['fingerprint'], input=b'Content-Type: text/plain\r\n\r\nprivate question\r\n').stdout
    tid = deliver(server, pgp_mime('carol@example.test', 'private', ct))
    r = rest2.post(rest2.base + f'ticket/{tid}/correspond', json={'Content': 'private answer', 'ContentType': 'text/plain'})
    assert r.status_code == 201
    import time
    for _ in range(100):
        items = rest2.get(rest2.base + f'ticket/{tid}/outbox').json()['items']
        if items and items[0]['status'] != 'pending':
            break
        time.sleep(0.1)
    assert items[0]['status'] == 'held', items
    assert 'came in encrypted' in items[0]['error']
    assert not any(m[1] == ['carol@example.test'] for m in smtp.messages)
    r = rest2.post(rest2.base + 'user/carol@example.test/keys', json={'armored': carol.export()})
    assert r.status_code == 201, r.text
    r = rest2.post(rest2.base + f'outbox/{items[0]["id"]}/retry', json={})
    assert r.status_code == 200, r.text
    _, _, raw = smtp.wait_for(lambda m: m[1] == ['carol@example.test'])
    msg = email.message_from_bytes(raw)
    assert msg.get_content_type() == 'multipart/encrypted'
    plain = _plaintext(carol, msg.get_payload()[1].get_payload(decode=True))
    assert b'private answer' in plain
