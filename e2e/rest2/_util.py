"""Shared constants and helpers for the python-rt REST 2.0 suite."""

from __future__ import annotations

import base64
import datetime
import re
import typing

import httpx2

ADMIN_PW = 'e2e-Root-pw-1'
AGENT_PW = 'e2e-Agent1-pw'
ORG = 'e2e.hushdesk.test'
# rt-wire.md section 7, granted on queue General only
AGENT_RIGHTS = [
    'SeeQueue',
    'ShowTicket',
    'ShowTicketComments',
    'CreateTicket',
    'ReplyToTicket',
    'CommentOnTicket',
    'OwnTicket',
    'TakeTicket',
    'StealTicket',
    'ModifyTicket',
]
EPOCH = '1970-01-01T00:00:00Z'
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')

# Every byte value, CR LF, NUL, and both orders so offsets differ.
BLOB = bytes(range(256)) + b'\r\n\x00\r\n\n\r' + bytes(reversed(range(256))) * 3 + b'\x00'
BLOB_NAME = 'Übersicht données ✓ 数据.bin'
TEXT_BYTES = 'héllo\r\nwörld — ünïcode ✓\r\n\r\nlast line without newline'.encode()
PNG_BYTES = b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' + bytes(range(0, 256, 3)) + b'\x00IEND\xaeB`\x82'


class Wire:
    """Records the responses a python-rt client receives (httpx2 event hook)."""

    def __init__(self, session: httpx2.Client) -> None:
        self.responses: list[httpx2.Response] = []
        session.event_hooks['response'].append(self._hook)

    def _hook(self, response: httpx2.Response) -> None:
        response.read()
        self.responses.append(response)
        del self.responses[:-200]

    def clear(self) -> None:
        self.responses.clear()

    @property
    def last(self) -> httpx2.Response:
        assert self.responses, 'no response recorded'
        return self.responses[-1]

    def describe(self) -> str:
        r = self.last
        return f'{r.request.method} {r.request.url} -> {r.status_code} {r.text[:500]!r}'


def now_utc() -> datetime.datetime:
    return datetime.datetime.now(tz=datetime.timezone.utc)


def parse_date(s: str) -> datetime.datetime:
    assert DATE_RE.match(s), f'bad date format {s!r}'
    return datetime.datetime.strptime(s, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=datetime.timezone.utc)


def assert_recent(s: str, minutes: int = 15) -> None:
    d = parse_date(s)
    delta = abs((now_utc() - d).total_seconds())
    assert delta < minutes * 60, f'date {s} is not close to now ({now_utc():%Y-%m-%dT%H:%M:%SZ})'


def ref_id(value: typing.Any) -> str:
    """id of a record reference ({id,type,_url}) or of a bare scalar."""
    if isinstance(value, dict):
        return str(value['id'])
    return str(value)


def assert_ref(value: typing.Any, typ: str, ident: typing.Any, base: str) -> None:
    assert isinstance(value, dict), f'expected a {typ} reference, got {value!r}'
    assert value['type'] == typ, value
    assert value['id'] == str(ident), value
    assert isinstance(value['id'], str), f'reference ids are strings: {value!r}'
    assert value['_url'] == f'{base}/REST/2.0/{typ}/{ident}', value


def hyperlink_ids(record: dict, ref: str) -> list[int]:
    out = []
    for link in record.get('_hyperlinks', []):
        if link.get('ref') == ref:
            out.append(int(str(link['_url']).rstrip('/').rsplit('/', 1)[1]))
    return out


def cf_values(record: dict, name: str) -> list[str] | None:
    for cf in record.get('CustomFields') or []:
        if cf.get('name') == name:
            return list(cf.get('values') or [])
    return None


def decode_content(att: dict) -> bytes:
    return base64.b64decode(att['Content'])


def watcher_ids(record: dict, role: str) -> set[str]:
    return {ref_id(x) for x in record.get(role) or []}


BULK_TAG = 'zqbulk'
BULK_N = 62


def bulk_spec(i: int) -> dict:
    """Deterministic attributes of bulk ticket i (search / paging / permission tests)."""
    word = ['printer', 'network', 'Mailbox'][i % 3]
    return {
        'i': i,
        'queue': 'Secret' if i % 5 == 4 else 'General',
        'subject': f'{BULK_TAG} {i:03d} {word}',
        'word': word,
        'status': ['new', 'open', 'new', 'resolved'][i % 4],
        'requestor': f'cust{i % 7}@example.test',
        'severity': ['High', 'Low', 'Medium'][i % 3] if i % 2 == 0 else None,
        'priority': i % 10,
    }
