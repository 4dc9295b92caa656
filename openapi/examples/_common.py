"""Shared bits of the example scripts: the command line, the client, paging and errors.

The scripts use the generated client in ../client (``hushdesk_api_client``); when it is not
installed (``pip install openapi/client``) they put that directory on ``sys.path``.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

try:
    import hushdesk_api_client  # noqa: F401
except ImportError:  # run from a checkout without installing the client
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'client'))

from hushdesk_api_client import AuthenticatedClient
from hushdesk_api_client.models import Collection, ErrorBody, RecordRef

PER_PAGE = 100


class ApiFailure(SystemExit):
    """A request the server refused: exits with its message (RT's `{"message": ...}`)."""

    def __init__(self, what: str, message: str) -> None:
        super().__init__(f'{what}: {message}')


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument('--url', default=os.environ.get('HUSHDESK_URL'),
                   help='Hushdesk base URL, e.g. https://help.example.org (env HUSHDESK_URL)')
    p.add_argument('--token', default=os.environ.get('HUSHDESK_TOKEN'),
                   help='REST API token (env HUSHDESK_TOKEN; `hushdesk token create USER` makes one)')
    return p


def client(args: argparse.Namespace) -> AuthenticatedClient:
    if not args.url or not args.token:
        raise SystemExit('--url and --token (or HUSHDESK_URL and HUSHDESK_TOKEN) are required')
    base = args.url.rstrip('/').removesuffix('/REST/2.0')  # the API paths already carry it
    # Hushdesk takes RT's `Authorization: token <token>`.
    return AuthenticatedClient(base_url=base, token=args.token, prefix='token', raise_on_unexpected_status=True,
                               timeout=60)


def ok(result: Any, what: str) -> Any:
    """The parsed body of a successful call; exits on an error body."""
    if isinstance(result, ErrorBody):
        raise ApiFailure(what, result.message)
    if result is None:
        raise ApiFailure(what, 'no response body')
    return result


def pages(fetch: Callable[[int], Collection | ErrorBody | None], what: str) -> Iterator[RecordRef]:
    """Every item of a paged collection; `fetch(page)` asks for one page (from 1)."""
    page = 1
    while True:
        coll: Collection = ok(fetch(page), what)
        yield from coll.items
        if not coll.next_page or not coll.items:
            return
        page += 1


def field(item: RecordRef, name: str, default: Any = '') -> Any:
    """A field requested with `fields=` (they come back beside id/type/_url)."""
    return item.additional_properties.get(name, default)


def ref_id(value: Any) -> str:
    """The id of a reference as the API renders it inside `fields=` items (`{id, type, _url}`)."""
    if isinstance(value, dict):
        return str(value.get('id', ''))
    return '' if value is None else str(value)


def print_table(headers: list[str], rows: list[list[str]], out=sys.stdout) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    fmt = '  '.join(f'{{:<{w}}}' for w in widths)
    print(fmt.format(*headers).rstrip(), file=out)
    print('  '.join('-' * w for w in widths), file=out)
    for row in rows:
        print(fmt.format(*row).rstrip(), file=out)
