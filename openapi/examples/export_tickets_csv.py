#!/usr/bin/env python3
"""Export the tickets matching a TicketSQL query as CSV, through the generated client.

Columns: id, subject, status, requestors (email addresses, `;`-separated), created, resolved
(ISO 8601 UTC; resolved is empty while the ticket is not resolved). For instance every ticket
linked to known issue #42:

    openapi/examples/export_tickets_csv.py --url https://help.example.org --token "$TOKEN" \\
        --query "RefersTo = 42 OR MemberOf = 42" --output known-issue-42.csv
"""

from __future__ import annotations

import csv
import sys

from _common import PER_PAGE, client, field, ok, pages, parser, ref_id
from hushdesk_api_client.api.tickets import search_tickets
from hushdesk_api_client.api.users import get_user
from hushdesk_api_client.models import UserResponse

COLUMNS = ['id', 'subject', 'status', 'requestors', 'created', 'resolved']
UNSET_DATE = '1970-01-01T00:00:00Z'  # RT's "not set"


def write_csv(out, rows: list[dict]) -> None:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator='\n')
    w.writeheader()
    w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument('--query', required=True, help="TicketSQL, e.g. \"RefersTo = 42 OR MemberOf = 42\"")
    p.add_argument('--output', default='-', help='CSV file to write (default: standard output)')
    args = p.parse_args(argv)
    api = client(args)

    emails: dict[str, str] = {}

    def email(name: str) -> str:
        if name not in emails:
            user: UserResponse = ok(get_user.sync(name, client=api), f'user {name}')
            emails[name] = user.email_address or user.name
        return emails[name]

    rows = []
    with api:
        for t in pages(lambda page: search_tickets.sync(
                client=api, query=args.query, orderby='id', order='ASC', page=page, per_page=PER_PAGE,
                fields='Subject,Status,Requestor,Created,Resolved'), 'search tickets'):
            resolved = field(t, 'Resolved')
            rows.append({
                'id': t.id,
                'subject': field(t, 'Subject'),
                'status': field(t, 'Status'),
                'requestors': ';'.join(email(ref_id(r)) for r in field(t, 'Requestor', [])),
                'created': field(t, 'Created'),
                'resolved': '' if resolved in ('', UNSET_DATE) else resolved,
            })

    if args.output == '-':
        write_csv(sys.stdout, rows)
    else:
        with open(args.output, 'w', newline='', encoding='utf-8') as out:
            write_csv(out, rows)
    print(f'{len(rows)} tickets', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
