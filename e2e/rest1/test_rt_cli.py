"""Debian's `rt` command line tool (rt5-clients) against Hushdesk's REST 1.0."""

from __future__ import annotations

import re


def _created(out: str) -> int:
    m = re.search(r'^# Ticket (\d+) created\.$', out, re.M)
    assert m, out
    return int(m.group(1))


def test_rt_cli_workflow(rt_cli, root1):
    tid = _created(rt_cli('create', '-t', 'ticket', 'set', 'subject=cli made', 'queue=General', 'requestor=cli@example.com', 'text=from the rt tool'))
    assert (rt_cli.home / '.rt_sessions').is_file(), 'session cookie kept in the temporary home'
    t = root1.get_ticket(tid)
    assert (t['Subject'], t['Requestors']) == ('cli made', ['cli@example.com'])

    assert f'# Ticket {tid} updated.' in rt_cli('edit', f'ticket/{tid}', 'set', 'subject=cli edited', 'status=open', 'priority=6')
    t = root1.get_ticket(tid)
    assert (t['Subject'], t['Status'], t['Priority']) == ('cli edited', 'open', '6')

    listing = rt_cli('ls', '-i', f'id={tid}')
    assert listing.split() == [f'ticket/{tid}']
    short = rt_cli('ls', '-s', "Subject like 'cli edited'")
    assert f'{tid}: cli edited' in short
    pretty = rt_cli('ls', f'id={tid}')
    assert 'cli edited' in pretty

    shown = rt_cli('show', '-t', 'ticket', str(tid), '-f', 'subject,status')
    assert shown.split('\n')[:3] == [f'id: ticket/{tid}', 'Subject: cli edited', 'Status: open']
    full = rt_cli('show', str(tid))
    assert 'Subject: [rt #ticket/' in full and '===> Ticket created' in full and 'from the rt tool' in full

    assert '# Comments added' in rt_cli('comment', '-m', 'cli comment', str(tid))
    (rt_cli.home / 'cli.bin').write_bytes(b'cli\x00bytes\xff\r\n')
    assert '# Correspondence added' in rt_cli('correspond', '-m', 'cli reply', '-a', str(rt_cli.home / 'cli.bin'), str(tid))
    atts = root1.get_attachments(tid)
    cli_att = [a for a in atts if a[1] == 'cli.bin']
    assert cli_att, atts
    assert root1.get_attachment_content(tid, cli_att[0][0]) == b'cli\x00bytes\xff\r\n'
    history = root1.get_history(tid)
    assert [h['Content'] for h in history if h['Type'] in ('Comment', 'Correspond')] == ['cli comment', 'cli reply']

    other = _created(rt_cli('create', '-t', 'ticket', 'set', 'subject=cli other', 'queue=General'))
    assert f'Created link {tid} DependsOn {other}' in rt_cli('link', str(tid), 'dependson', str(other))
    assert root1.get_links(tid)['DependsOn'][0].endswith(f'/ticket/{other}')
    assert f'Deleted link {tid} DependsOn {other}' in rt_cli('link', '-d', str(tid), 'dependson', str(other))

    assert '# Merge completed.' in rt_cli('merge', str(other), str(tid))
    assert root1.get_ticket(other)['id'] == f'ticket/{tid}'

    assert '# Owner changed from Nobody to root' in rt_cli('take', str(tid))
    assert '# Owner changed from root to Nobody' in rt_cli('untake', str(tid))
    user = rt_cli('show', 'user/root')
    assert 'Name: root' in user
    rt_cli('logout')


def test_rt_cli_users_and_queues(rt_cli, root1):
    m = re.search(r'^# User (\d+) created\.$', rt_cli('create', '-t', 'user', 'set', 'name=cliuser', 'emailaddress=cliuser@example.org', 'realname=Cli User'), re.M)
    assert m
    assert f'# User {m.group(1)} updated.' in rt_cli('edit', 'user/cliuser', 'set', 'realname=Cli Two')
    u = root1.get_user('cliuser')
    assert (u['id'], u['EmailAddress'], u['RealName']) == (f'user/{m.group(1)}', 'cliuser@example.org', 'Cli Two')
    assert 'Name: cliuser' in rt_cli('show', 'user/cliuser')

    m = re.search(r'^# Queue (\d+) created\.$', rt_cli('create', '-t', 'queue', 'set', 'name=CliQueue', 'description=from the rt tool'), re.M)
    assert m
    assert '# Queue CliQueue updated.' in rt_cli('edit', 'queue/CliQueue', 'set', 'description=changed by rt')
    q = root1.get_queue(m.group(1))
    assert (q['Name'], q['Description']) == ('CliQueue', 'changed by rt')
    assert 'Description: changed by rt' in rt_cli('show', 'queue/CliQueue')
