"""GenericLinkConnectorREST through pyotrs: Normal ↔ RefersTo, ParentChild ↔ MemberOf."""

from pyotrs import Article, Ticket


def _new(otrs, title):
    t = Ticket.create_basic(Title=title, Queue='General', State='new', Priority='3 normal', CustomerUser='links@example.com')
    return int(otrs.ticket_create(t, Article({'Subject': title, 'Body': title}))['TicketID'])


def test_links(otrs, rest2):
    a, b, c = _new(otrs, 'Zq link a'), _new(otrs, 'Zq link b'), _new(otrs, 'Zq link c')
    assert otrs.link_list(a) is None
    assert otrs.link_add(a, b) is True
    assert otrs.link_add(a, c, link_type='ParentChild') is True
    assert otrs.link_list(a) == [
        {'Object': 'Ticket', 'Key': str(b), 'Type': 'Normal', 'Direction': 'Target'},
        {'Object': 'Ticket', 'Key': str(c), 'Type': 'ParentChild', 'Direction': 'Target'},
    ]
    assert otrs.link_list(c) == [{'Object': 'Ticket', 'Key': str(a), 'Type': 'ParentChild', 'Direction': 'Source'}]
    assert otrs.link_list(a, link_type='ParentChild') == [
        {'Object': 'Ticket', 'Key': str(c), 'Type': 'ParentChild', 'Direction': 'Target'}]

    # as RT sees them: a RefersTo b, c MemberOf a
    def rt_links(tid):
        hl = rest2.get(rest2.base + f'ticket/{tid}').json()['_hyperlinks']
        return {(h['ref'], h['id']) for h in hl if h.get('type') == 'ticket' and h['ref'] != 'self'}

    assert rt_links(a) == {('refers-to', str(b)), ('child', str(c))}
    assert rt_links(c) == {('parent', str(a))}
    assert rt_links(b) == {('referred-to-by', str(a))}
    hist_a = otrs.ticket_history_get_by_id(a)
    assert [e['HistoryType'] for e in hist_a['History']].count('TicketLinkAdd') == 2

    # a Normal link can be deleted from either end
    assert otrs.link_delete(b, a) is True
    assert otrs.link_list(a) == [{'Object': 'Ticket', 'Key': str(c), 'Type': 'ParentChild', 'Direction': 'Target'}]
    assert otrs.link_add(b, a) is True
    assert otrs.link_delete_all(a) is True
    assert otrs.link_list(a) is None
    assert otrs.link_list(b) is None
