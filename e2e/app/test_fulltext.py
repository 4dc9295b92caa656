"""The search page in headless Chromium: words plus filters, highlighted snippets shown as
text (never as markup), links to the tickets, the / shortcut, TicketSQL on the same page, and
the older /find address."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import QUEUE, REQUESTOR, login


def _ticket(api, subject: str, content: str) -> int:
    r = api.post(f'{api.base}/ticket', json={
        'Queue': QUEUE, 'Subject': subject, 'Requestor': REQUESTOR, 'Content': content})
    assert r.status_code == 201, r.text
    return int(r.json()['id'])


def test_full_text_search_with_filters_and_snippets(page, server, root_api, shots):
    card = _ticket(root_api, 'Wifi after upgrade',
                   'Hello, my zqxrealtek card stops after suspend. <img src=x onerror="window.pwned=1"> '
                   'The driver is r8169.')
    other = _ticket(root_api, 'Boot menu', 'The zqxrealtek adapter is fine, only the boot menu hangs.')
    r = root_api.put(f'{root_api.base}/ticket/{other}', json={'Status': 'resolved'})
    assert r.status_code == 200, r.text

    login(page, server)
    page.click('nav.tabs a[href="/search"]')
    expect(page.locator('#search-title')).to_have_text('Search')
    # / focuses the search field on this page.
    page.locator('#search-title').click()
    page.keyboard.press('/')
    expect(page.locator('#search-text')).to_be_focused()
    page.keyboard.type('zqxrealtek')
    page.keyboard.press('Enter')

    expect(page).to_have_url(re.compile(r'/search\?q=zqxrealtek$'))
    expect(page.locator('p.count')).to_have_text('2 tickets found')
    hits = page.locator('li.hit')
    expect(hits).to_have_count(2)
    # Newest first.
    expect(hits.nth(0)).to_have_attribute('data-ticket', str(other))
    expect(hits.nth(1)).to_have_attribute('data-ticket', str(card))
    first = page.locator(f'li.hit[data-ticket="{card}"]')
    expect(first.locator('.subject')).to_have_text('Wifi after upgrade')
    expect(first.locator('mark')).to_have_text(['zqxrealtek'])
    # The message's markup is shown as text, not run.
    expect(first.locator('.snippet')).to_contain_text('<img src=x onerror=')
    expect(first.locator('.snippet img')).to_have_count(0)
    assert page.evaluate('window.pwned') is None
    expect(first.locator('.lang')).to_have_text('en')
    page.screenshot(path=str(shots / '20-full-text.png'))

    # A status filter leaves only the open ticket; the filter is kept in the URL.
    page.select_option('#find-status', 'new')
    page.fill('#find-from', '2000-01-01')
    page.click('form.fulltext button[type=submit]')
    expect(page).to_have_url(re.compile(r'status=new'))
    expect(page.locator('p.count')).to_have_text('1 ticket found')
    expect(page.locator('li.hit')).to_have_count(1)
    expect(page.locator('li.hit').first).to_have_attribute('data-ticket', str(card))

    # Filters that match nothing, and one the server refuses.
    page.fill('#find-version', '6.10')
    page.click('form.fulltext button[type=submit]')
    expect(page.locator('p.count')).to_have_text('0 tickets found')
    page.fill('#find-version', '')
    page.fill('#find-language', 'EN!')
    page.click('form.fulltext button[type=submit]')
    expect(page.locator('main [role=alert]')).to_contain_text('language')
    page.fill('#find-language', 'en')
    page.click('form.fulltext button[type=submit]')
    expect(page.locator('p.count')).to_have_text('1 ticket found')

    # The hit links to its ticket.
    page.locator(f'li.hit[data-ticket="{card}"] a.row-link').click()
    expect(page).to_have_url(re.compile(rf'/ticket/{card}$'))
    expect(page.locator('li.hist[data-type="Create"]')).to_contain_text('stops after suspend')

    # TicketSQL on the same page: the filters step aside and tickets come as a table.
    page.goto(f'{server.url}/search')
    page.check('#mode-sql')
    expect(page.locator('fieldset.filters')).to_be_hidden()
    page.fill('#search-text', "Subject LIKE 'Boot menu' AND Status = 'resolved'")
    page.keyboard.press('Enter')
    expect(page).to_have_url(re.compile(r'mode=sql'))
    expect(page.locator('p.count')).to_have_text('1 ticket found')
    expect(page.locator(f'tr[data-ticket="{other}"]')).to_be_visible()
    expect(page.locator('li.hit')).to_have_count(0)
    # A query the server cannot parse says why.
    page.fill('#search-text', "Subject LIKE")
    page.keyboard.press('Enter')
    expect(page.locator('main [role=alert]')).to_be_visible()

    # Links to the older address still work, as the same page in word mode.
    page.goto(f'{server.url}/find?q=zqxrealtek&status=new')
    expect(page.locator('#search-title')).to_have_text('Search')
    expect(page.locator('p.count')).to_have_text('1 ticket found')
    expect(page.locator('#mode-words')).to_be_checked()
