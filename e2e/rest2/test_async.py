"""The same wire through python-rt's rest2.AsyncRt (httpx2.AsyncClient)."""

from __future__ import annotations

import asyncio

import httpx2
import pytest
import rt.exceptions
from rt.rest2 import AsyncRt, Attachment
from _util import ADMIN_PW, AGENT_PW, BLOB, BLOB_NAME, BULK_TAG, decode_content


def _run(coro):
    return asyncio.run(coro)


def test_async_ticket_workflow(rest_url, server):
    async def main():
        c = AsyncRt(rest_url, http_auth=httpx2.BasicAuth('root', ADMIN_PW))
        try:
            tid = await c.create_ticket(
                'General',
                subject='async ticket',
                content='async body',
                Requestor='async@example.test',
                CustomFields={'Severity': 'Low'},
                attachments=[Attachment(BLOB_NAME, 'application/octet-stream', BLOB)],
            )
            t = await c.get_ticket(tid)
            assert (t['id'], t['Subject'], t['Status'], t['Queue']['Name']) == (tid, 'async ticket', 'new', 'General')
            assert await c.edit_ticket(tid, Status='open', Subject='async edited') is True
            assert await c.reply(tid, 'async reply') is True
            assert await c.comment(tid, 'async comment') is True
            assert await c.take(tid) is True
            assert await c.take(tid) is False
            assert await c.untake(tid) is True
            t = await c.get_ticket(tid)
            assert (t['Subject'], t['Status'], t['Owner']['id']) == ('async edited', 'open', 'Nobody')

            atts = [a async for a in c.get_attachments(tid)]
            assert [a['Filename'] for a in atts] == [BLOB_NAME]
            ids = [i async for i in c.get_attachments_ids(tid)]
            assert ids == [int(atts[0]['id'])]
            assert decode_content(await c.get_attachment(ids[0])) == BLOB

            hist = [h async for h in c.get_ticket_history(tid)]
            types = [h['Type'] for h in hist]
            assert types[0] == 'Create' and 'Correspond' in types and 'Comment' in types
            txn = await c.get_transaction(hist[0]['id'])
            assert txn['Type'] == 'Create'

            other = await c.create_ticket('General', subject='async other', content='x')
            assert await c.edit_link(tid, 'DependsOn', other) is True
            links = await c.get_links(tid)
            assert [(x['ref'], x['id']) for x in links] == [('depends-on', str(other))]
            third = await c.create_ticket('General', subject='async dup', content='x')
            assert await c.merge_ticket(third, tid) is True
            assert (await c.get_ticket(third))['id'] == tid

            queues = [q['Name'] async for q in c.get_all_queues()]
            assert 'General' in queues
            assert (await c.get_queue('General'))['id'] == 1
            assert (await c.get_user('root'))['Privileged'] == 1
            assert await c.user_exists('agent1') is True

            await c.delete_ticket(tid)
            assert (await c.get_ticket(tid))['Status'] == 'deleted'

            with pytest.raises(rt.exceptions.NotFoundError):
                await c.get_ticket(999999)
            with pytest.raises(rt.exceptions.BadRequestError):
                [x async for x in c.search(raw_query='Status = >')]
        finally:
            await c.session.aclose()

    _run(main())


def test_async_search_pages(rest_url, bulk):
    async def main():
        c = AsyncRt(rest_url, http_auth=httpx2.BasicAuth('root', ADMIN_PW))
        try:
            ids = [int(x['id']) async for x in c.search(raw_query=f"Subject LIKE '{BULK_TAG}'", query_format='i')]
            assert ids == sorted(t['id'] for t in bulk)
            subj = [x['Subject'] async for x in c.search(queue='General', raw_query=f"Subject LIKE '{BULK_TAG}'", order='-Subject', query_format='s')]
            assert subj == sorted((t['subject'] for t in bulk if t['queue'] == 'General'), reverse=True)
        finally:
            await c.session.aclose()

    _run(main())


def test_async_token_and_agent(rest_url, server, bulk):
    async def main():
        tok = AsyncRt(rest_url, token=server.root_token)
        ag = AsyncRt(rest_url, http_auth=httpx2.BasicAuth('agent1', AGENT_PW))
        bad = AsyncRt(rest_url, http_auth=httpx2.BasicAuth('agent1', 'wrong'))
        try:
            assert (await tok.get_queue('General'))['Name'] == 'General'
            secret = next(t['id'] for t in bulk if t['queue'] == 'Secret')
            with pytest.raises(rt.exceptions.UnexpectedResponseError) as exc:
                await ag.get_ticket(secret)
            assert exc.value.status_code == 403
            ids = [int(x['id']) async for x in ag.search(raw_query=f"Subject LIKE '{BULK_TAG}'", query_format='i')]
            assert sorted(ids) == sorted(t['id'] for t in bulk if t['queue'] == 'General')
            with pytest.raises(rt.exceptions.AuthorizationError):
                await bad.get_queue('General')
        finally:
            for c in (tok, ag, bad):
                await c.session.aclose()

    _run(main())
