"""The supporters' app in headless Chromium: log in, Needs answer, a ticket, a reply with a
template answer, resolve; plus routing, errors, shortcuts, statistics and narrow windows."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import ADMIN_PW, QUEUE, REQUESTOR, SUPPORTER, login

ANSWER_TITLE = 'Tor Browser does not start'
ANSWER_BODY = 'Hello {{requester_name}},\n\nabout ticket {{ticket_id}} in {{queue}}: please restart Tails.\n\n{{supporter_name}}'


@pytest.fixture(scope='module')
def ticket(server, root_api, requestor_api):
    """A ticket written by the requestor (so it needs an answer) and a template answer."""
    r = root_api.post(f'{root_api.base}/hushdesk/answers', json={
        'title': ANSWER_TITLE, 'body': ANSWER_BODY, 'language': 'en', 'category': 'Tor'})
    assert r.status_code == 201, r.text
    answer_id = r.json()['id']
    r = root_api.post(f'{root_api.base}/hushdesk/answers', json={
        'title': 'Tor Browser ne démarre pas', 'body': 'Bonjour {{requester_name}}', 'language': 'fr'})
    assert r.status_code == 201, r.text
    r = requestor_api.post(f'{requestor_api.base}/ticket', json={
        'Queue': QUEUE, 'Subject': 'Tor Browser will not start', 'Requestor': REQUESTOR,
        'Content': 'Since the upgrade Tor Browser shows an error.\nWhat can I do?'})
    assert r.status_code == 201, r.text
    return {'id': int(r.json()['id']), 'answer': answer_id}


def test_login_reply_with_template_answer_and_resolve(page, server, root_api, ticket, shots):
    tid = ticket['id']
    page.goto(f'{server.url}/')
    expect(page.locator('#login-user')).to_be_visible()
    page.screenshot(path=str(shots / '01-login.png'))
    login(page, server)

    # Needs answer, with the queue's counts in the sidebar.
    expect(page).to_have_url(re.compile(r'/view/needs-answer$'))
    row = page.locator(f'tr[data-ticket="{tid}"]')
    expect(row).to_contain_text('Tor Browser will not start')
    expect(row.locator('td.age')).to_have_text(re.compile(r'^\d+ (s|min)$'))
    queue = page.locator(f'li.queue[data-queue="{QUEUE}"]')
    expect(queue).to_contain_text('en')
    expect(queue.locator('.c-na')).to_have_text('1 need answer')
    expect(queue.locator('.c-new')).to_have_text('1 new')
    expect(page.locator('nav.tabs')).to_contain_text('Needs answer (1)')
    page.screenshot(path=str(shots / '02-needs-answer.png'))

    # j focuses the first row, Enter opens it.
    page.keyboard.press('j')
    expect(row.locator('a.row-link')).to_be_focused()
    page.keyboard.press('Enter')
    expect(page).to_have_url(re.compile(rf'/ticket/{tid}$'))
    create = page.locator('li.hist[data-type="Create"]')
    expect(create).to_contain_text('Since the upgrade Tor Browser shows an error.')
    expect(create.locator('.badge')).to_have_text('no OpenPGP data')
    expect(page.locator('aside.facts')).to_contain_text('Alice Example')
    page.screenshot(path=str(shots / '03-ticket.png'), full_page=True)

    # r opens the reply composer; answers are filtered to the queue's language.
    page.keyboard.press('r')
    expect(page.locator('#composer-text')).to_be_focused()
    expect(page.locator('#answer-lang')).to_have_value('en')
    choices = page.locator('.answer-choice')
    expect(choices).to_have_count(1)
    page.fill('#answer-q', 'does not start')
    expect(choices).to_have_text([ANSWER_TITLE])
    choices.first.click()
    preview = page.locator('.answer-preview pre')
    expected = (f'Hello Alice Example,\n\nabout ticket {tid} in {QUEUE}: please restart Tails.\n\nSam Supporter')
    expect(preview).to_have_text(expected)
    page.click('#answer-use')
    expect(page.locator('#composer-text')).to_have_value(expected)
    page.click('#composer-preview-btn')
    expect(page.locator('#composer-preview')).to_have_text(expected)
    page.screenshot(path=str(shots / '04-reply-preview.png'), full_page=True)
    page.click('#composer-send')

    reply = page.locator('li.hist[data-type="Correspond"]')
    expect(reply).to_contain_text('please restart Tails.')
    expect(reply).to_contain_text('Sam Supporter')
    page.screenshot(path=str(shots / '05-replied.png'), full_page=True)

    # Resolve.
    page.select_option('#set-status', 'resolved')
    page.click('#action-status')
    expect(page.locator('aside.facts .t-status')).to_have_text('resolved')
    # The reply opened the ticket (RT's own change), then the supporter resolved it.
    statuses = page.locator('li.hist[data-type="Status"] .desc')
    expect(statuses).to_have_count(2)
    expect(statuses.last).to_contain_text('resolved')
    page.screenshot(path=str(shots / '06-resolved.png'), full_page=True)

    # What the server now holds.
    t = root_api.get(f'{root_api.base}/ticket/{tid}').json()
    assert t['Status'] == 'resolved'
    answer = root_api.get(f'{root_api.base}/hushdesk/answers/{ticket["answer"]}').json()
    assert answer['usage_count'] == 1
    hist = root_api.get(f'{root_api.base}/hushdesk/ticket/{tid}').json()['history']
    replies = [h for h in hist if h['type'] == 'Correspond']
    assert len(replies) == 1 and replies[0]['text'].strip() == expected
    assert replies[0]['creator']['name'] == SUPPORTER

    # Needs answer is empty again.
    page.click('nav.tabs a[href="/view/needs-answer"]')
    expect(page.locator('p.count')).to_have_text('0 tickets')
    expect(page.locator(f'tr[data-ticket="{tid}"]')).to_have_count(0)


def test_wrong_password_is_explained(page, server):
    page.goto(f'{server.url}/')
    page.fill('#login-user', SUPPORTER)
    page.fill('#login-password', 'not-the-password')
    page.click('button[type=submit]')
    expect(page.locator('[role=alert]')).to_have_text('Wrong user name or password.')


def test_unknown_routes_and_missing_tickets_are_readable(page, server, shots):
    login(page, server)
    page.goto(f'{server.url}/no/such/page')
    expect(page.locator('main h2')).to_have_text('Page not found')
    expect(page.locator('main')).to_contain_text('/no/such/page')
    page.goto(f'{server.url}/ticket/999999')
    expect(page.locator('main [role=alert]')).to_contain_text('Not found.')
    page.goto(f'{server.url}/ticket/abc')
    expect(page.locator('main h2')).to_have_text('No such ticket')
    page.screenshot(path=str(shots / '07-missing-ticket.png'))


def test_help_overlay_search_shortcut_and_logout(page, server, ticket):
    login(page, server)
    page.keyboard.press('?')
    dialog = page.locator('[role=dialog]')
    expect(dialog).to_contain_text('Keyboard shortcuts')
    page.keyboard.press('Escape')
    expect(dialog).to_have_count(0)
    page.keyboard.press('/')
    expect(page).to_have_url(re.compile(r'/search$'))
    page.fill('#search-text', 'upgrade')
    page.keyboard.press('Enter')
    expect(page.locator(f'li.hit[data-ticket="{ticket["id"]}"]')).to_be_visible()
    expect(page.locator('p.count')).to_have_text('1 ticket found')
    page.click('#logout')
    expect(page.locator('#login-user')).to_be_visible()
    # The cookie is gone: a reload asks to log in again.
    page.reload()
    expect(page.locator('#login-user')).to_be_visible()


def test_statistics_charts_and_csv(page, server, ticket, shots):
    login(page, server)
    page.click('nav.tabs a[href="/stats"]')
    for slug in ('new-tickets', 'backlog', 'first-response', 'resolved'):
        panel = page.locator(f'#stat-{slug}')
        expect(panel.locator('svg')).to_be_visible()
        href = panel.locator('a.csv').get_attribute('href')
        assert href and 'format=csv' in href
        csv = page.request.get(f'{server.url}{href}')
        assert csv.status == 200 and csv.headers['content-type'].startswith('text/csv')
        assert csv.text().splitlines()[0] == 'series,label,value'
    # One ticket was created today: the new-tickets chart has a bar for it.
    expect(page.locator('#stat-new-tickets rect title').filter(has_text=': 1 tickets')).to_have_count(1)
    page.screenshot(path=str(shots / '08-statistics.png'), full_page=True)


def test_narrow_window(chromium, server, ticket, shots):
    context = chromium.new_context(viewport={'width': 420, 'height': 800})
    page = context.new_page()
    try:
        login(page, server)
        page.goto(f'{server.url}/ticket/{ticket["id"]}')
        expect(page.locator('#action-reply')).to_be_visible()
        width = page.evaluate('document.documentElement.scrollWidth')
        assert width <= 420, f'page scrolls sideways at 420 px: {width}'
        page.screenshot(path=str(shots / '09-narrow-ticket.png'), full_page=True)
    finally:
        context.close()


def test_answers_page_crud(page, server, root_api):
    login(page, server, 'root', ADMIN_PW)
    page.click('nav.tabs a[href="/answers"]')
    page.click('#answer-new')
    page.fill('#af-title', 'Persistent storage')
    page.fill('#af-lang', 'en')
    page.fill('#af-cat', 'Tails')
    page.fill('#af-body', 'Hi {{requester_name}}, see the docs.')
    page.click('#af-save')
    row = page.locator('tr[data-answer]', has_text='Persistent storage')
    expect(row).to_be_visible()
    listed = root_api.get(f'{root_api.base}/hushdesk/answers', params={'q': 'Persistent'}).json()
    assert [a['title'] for a in listed['items']] == ['Persistent storage']
    row.get_by_role('button', name='Edit').click()
    page.fill('#af-title', 'Persistent Storage setup')
    page.click('#af-save')
    expect(page.locator('tr[data-answer]', has_text='Persistent Storage setup')).to_be_visible()
    page.on('dialog', lambda d: d.accept())
    page.locator('tr[data-answer]', has_text='Persistent Storage setup').get_by_role('button', name='Delete').click()
    expect(page.locator('tr[data-answer]', has_text='Persistent Storage')).to_have_count(0)
    listed = root_api.get(f'{root_api.base}/hushdesk/answers', params={'q': 'Persistent'}).json()
    assert listed['items'] == []


def test_api_errors_are_shown(page, server):
    """A supporter without the right to manage answers sees the server's refusal."""
    login(page, server)
    page.click('nav.tabs a[href="/answers"]')
    page.click('#answer-new')
    page.fill('#af-title', 'Not allowed')
    page.fill('#af-lang', 'en')
    page.fill('#af-body', 'x')
    page.click('#af-save')
    expect(page.locator('.answer-form [role=alert]')).to_contain_text('You are not allowed to do this.')
