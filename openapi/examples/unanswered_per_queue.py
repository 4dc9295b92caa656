#!/usr/bin/env python3
"""Per queue, the tickets waiting for an answer: those whose last message came from a requestor.

A ticket's messages are its `Create` and `Correspond` transactions (comments are internal and
do not count). The tickets come from a TicketSQL search (default: every active ticket), the
messages from each ticket's history, both through the generated client.

    openapi/examples/unanswered_per_queue.py --url https://help.example.org --token "$TOKEN"
    HUSHDESK_URL=... HUSHDESK_TOKEN=... openapi/examples/unanswered_per_queue.py --queue General

Prints one row per unanswered ticket (oldest wait first within a queue), then a summary per
queue: how many of the tickets searched are unanswered.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from _common import PER_PAGE, client, field, pages, parser, print_table, ref_id
from hushdesk_api_client.api.queues import list_queues
from hushdesk_api_client.api.tickets import search_tickets, ticket_history

MESSAGE_TYPES = {'Create', 'Correspond'}


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument('--query', default="Status = '__Active__'", help="TicketSQL (default: Status = '__Active__')")
    p.add_argument('--queue', action='append', default=[], help='only this queue (name); may be repeated')
    args = p.parse_args(argv)
    api = client(args)

    query = args.query
    if args.queue:
        queues = ' OR '.join("Queue = '{}'".format(q.replace("'", "\\'")) for q in args.queue)
        query = f'({query}) AND ({queues})'

    with api:
        queue_names = {
            q.id: field(q, 'Name', q.id)
            for q in pages(lambda page: list_queues.sync(client=api, fields='Name'), 'list queues')
        }
        tickets = list(pages(
            lambda page: search_tickets.sync(client=api, query=query, orderby='id', order='ASC', page=page,
                                             per_page=PER_PAGE, fields='Subject,Queue,Requestor'),
            'search tickets'))

        searched: dict[str, int] = defaultdict(int)
        waiting: dict[str, list[list[str]]] = defaultdict(list)
        for t in tickets:
            queue = queue_names.get(ref_id(field(t, 'Queue')), ref_id(field(t, 'Queue')))
            searched[queue] += 1
            requestors = {ref_id(r) for r in field(t, 'Requestor', [])}
            last = None
            for txn in pages(lambda page, tid=int(t.id): ticket_history.sync(
                    tid, client=api, page=page, per_page=PER_PAGE, fields='Type,Creator,Created'),
                    f'history of ticket {t.id}'):
                if field(txn, 'Type') in MESSAGE_TYPES:
                    last = txn  # history comes oldest first
            if last is None:
                continue
            author = ref_id(field(last, 'Creator'))
            if author in requestors:
                waiting[queue].append([queue, f'#{t.id}', field(last, 'Created'), author, field(t, 'Subject')])

    rows = []
    for queue in sorted(waiting):
        rows.extend(sorted(waiting[queue], key=lambda r: (r[2], int(r[1][1:]))))
    print(f'Tickets waiting for an answer ({query})')
    print()
    if rows:
        print_table(['Queue', 'Ticket', 'Last message', 'From', 'Subject'], rows)
    else:
        print('(none)')
    print()
    print_table(['Queue', 'Unanswered', 'Searched'],
                [[q, str(len(waiting.get(q, []))), str(searched[q])] for q in sorted(searched)])
    return 0


if __name__ == '__main__':
    sys.exit(main())
