"""One truth: what REST 1.0 writes, REST 2.0 reads identically, and the other way round."""

from __future__ import annotations

import datetime


def _rest1_date(s: str) -> str:
    if s == 'Not set':
        return '1970-01-01T00:00:00Z'
    return datetime.datetime.strptime(s, '%a %b %d %H:%M:%S %Y').strftime('%Y-%m-%dT%H:%M:%SZ')


def _same(t1: dict, t2: dict) -> None:
    assert t1['numerical_id'] == str(t2['id'])
    assert t1['Subject'] == t2['Subject']
    assert t1['Status'] == t2['Status']
    assert t1['Queue'] == t2['Queue']['Name']
    assert t1['Owner'] == t2['Owner']['id']
    assert t1['Creator'] == t2['Creator']['id']
    for k in ('Priority', 'InitialPriority', 'FinalPriority', 'TimeEstimated', 'TimeWorked', 'TimeLeft'):
        assert t1[k] == t2[k], k
    for k in ('Created', 'Starts', 'Started', 'Due', 'Resolved', 'Told', 'LastUpdated'):
        assert _rest1_date(t1[k]) == t2[k], k
    assert sorted(t1['Requestors']) == sorted(r['id'] for r in t2['Requestor'])
    assert sorted(t1['Cc']) == sorted(r['id'] for r in t2['Cc'])
    cf2 = {c['name']: c['values'] for c in t2['CustomFields']}
    assert [t1['CF.{Severity}']] == (cf2['Severity'] or [''])


def test_rest1_writes_rest2_reads(root1, root2):
    tid = root1.create_ticket(Queue='General', Subject='truth one', Requestor='truth1@example.com', Text='body one', CF_Severity='medium')
    assert root1.edit_ticket(tid, Status='open', Priority='4', Due='2030-01-02 03:04:05') is True
    assert root1.reply(tid, text='answer from REST 1.0') is True
    t1 = root1.get_ticket(tid)
    t2 = root2.get_ticket(tid)
    _same(t1, t2)
    assert t2['Due'] == '2030-01-02T03:04:05Z'
    history2 = list(root2.get_ticket_history(tid))
    assert [int(h['id']) for h in history2] == [s[0] for s in root1.get_short_history(tid)]


def test_rest2_writes_rest1_reads(root1, root2):
    tid = root2.create_ticket('General', subject='truth two', content='body two', Requestor='truth2@example.com', CustomFields={'Severity': 'low'})
    assert root2.edit_ticket(tid, Status='stalled', Priority=9)
    assert root2.comment(tid, content='note from REST 2.0')
    t1 = root1.get_ticket(tid)
    _same(t1, root2.get_ticket(tid))
    assert t1['Status'] == 'stalled'
    history1 = root1.get_history(tid)
    assert history1[-1]['Type'] == 'Comment'
    assert history1[-1]['Content'] == 'note from REST 2.0'
    found = root1.search(Queue='General', Subject='truth two', Format='s')
    assert found == [{'id': f'ticket/{tid}', 'numerical_id': str(tid), 'Subject': 'truth two'}]
