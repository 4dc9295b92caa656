"""Abuse flagging in the app: a supporter marks a ticket's requestor abusive from the ticket
page (two presses: mark, confirm); once the score reaches the threshold the ticket page and
the ticket lists show the flag. The server keeps only a keyed hash of the address.

Runs after test_app.py (file order): its tickets would change that suite's queue counts."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import QUEUE, login

MALLORY = 'mallory.e2e@example.org'


def test_marking_a_requestor_abusive_flags_their_tickets(page, server, root_api, shots):
    tickets = []
    for subject in ('First odd request', 'Second odd request'):
        r = root_api.post(f'{root_api.base}/ticket', json={
            'Queue': QUEUE, 'Subject': subject, 'Requestor': MALLORY, 'Content': 'Hello.'})
        assert r.status_code == 201, r.text
        tickets.append(int(r.json()['id']))
    first, second = tickets

    login(page, server)
    page.goto(f'{server.url}/ticket/{first}')
    expect(page.locator('aside.facts')).to_contain_text(MALLORY)
    expect(page.locator('#abuse-flag')).to_have_count(0)

    button = page.locator('#action-abusive')
    expect(button).to_have_text('Mark requestor abusive…')
    button.click()
    expect(button).to_have_text('Confirm: mark abusive')
    button.click()
    # One mark (weight 5) stays under the default threshold (10).
    expect(page.locator('.actions .ok')).to_have_text(
        'Marked. The requestor is not flagged (score under the threshold).')
    expect(page.locator('#abuse-flag')).to_have_count(0)

    button.click()
    button.click()
    # The page reloads with the flag (the flag itself is the lasting answer).
    expect(page.locator('#abuse-flag')).to_contain_text('Requestor flagged for abuse')
    page.screenshot(path=str(shots / '20-abuse-flag.png'), full_page=True)

    # The flag follows the requestor to their other ticket and into the ticket lists.
    page.goto(f'{server.url}/ticket/{second}')
    expect(page.locator('#abuse-flag')).to_be_visible()
    page.goto(f'{server.url}/view/unowned')
    row = page.locator(f'tr[data-ticket="{second}"]')
    expect(row.locator('.badge.abuse')).to_have_text('flagged')

    # The API says the same, and the app view marks only this requestor's tickets.
    t = root_api.get(f'{root_api.base}/ticket/{second}').json()
    assert t['AbuseFlag'] is True
    view = root_api.get(f'{root_api.base}/hushdesk/view/unowned', params={'per_page': 200}).json()
    flags = {item['id']: item['abuse_flag'] for item in view['items']}
    assert flags[first] is True and flags[second] is True
    others = [v for k, v in flags.items() if k not in tickets]
    assert not any(others), flags
