"""Known issues, contacting users back and hardware pages in headless Chromium: create a known
issue, link a WhisperBack ticket from its page, see the top-bugs count, mark it fixed, preview
and send the reply, see it in the ticket history; the hardware page shows the report's GPU."""

from __future__ import annotations

import json
import os
import pathlib
import re

import pytest
from playwright.sync_api import expect

from conftest import ADMIN_PW, login

ISSUE = 'Intel GPU: black screen after GDM'
ANSWER = 'Fixed in 6.10 (en)'
ANSWER_BODY = 'Hello, the problem in ticket #{{ticket_id}} is fixed in Tails 6.10. Please upgrade.'


def shared_dir() -> pathlib.Path:
    here = pathlib.Path(__file__).resolve()
    for cand in (os.environ.get('HUSHDESK_SHARED'), here.parents[3] / 'shared', here.parents[4] / 'shared'):
        if cand and (pathlib.Path(cand) / 'testdata/whisperback/sample').is_dir():
            return pathlib.Path(cand)
    pytest.fail('shared/testdata/whisperback/sample not found (set HUSHDESK_SHARED)', pytrace=False)


@pytest.fixture(scope='module')
def report(root_api):
    """WhisperBack sample wb-0019 (English, Intel GPU, contact email) ingested as root."""
    sample = shared_dir() / 'testdata/whisperback/sample'
    truth = json.loads((sample / 'wb-0019.truth.json').read_text())
    body = (sample / 'wb-0019.txt').read_bytes()
    r = root_api.post(f'{root_api.base}/whisperback', params={'subject': truth['mail_subject']},
                      data=body, headers={'Content-Type': 'text/plain'})
    assert r.status_code == 201, r.text
    r2 = root_api.post(f'{root_api.base}/hushdesk/answers', json={
        'title': ANSWER, 'body': ANSWER_BODY, 'language': 'en', 'category': 'known-issues'})
    assert r2.status_code == 201, r2.text
    return {'ticket': r.json()['ticket'], 'truth': truth, 'answer': r2.json()['id']}


def test_known_issue_link_fix_and_contact_users_back(page, server, root_api, report, shots):
    tid = report['ticket']
    login(page, server, 'root', ADMIN_PW)

    # Create the known issue.
    page.click('#nav-known-issues')
    expect(page).to_have_url(re.compile(r'/known-issues$'))
    page.fill('#ki-new-name', ISSUE)
    page.fill('#ki-new-desc', 'GDM fails on Tiger Lake graphics; workaround i915.force_probe.')
    page.fill('#ki-new-roles', 'gpu')
    page.click('#ki-create')
    row = page.locator('tr[data-issue]', has_text=ISSUE)
    expect(row.locator('.ki-tickets')).to_have_text('0')
    issue_id = int(row.get_attribute('data-issue'))

    # The ticket page shows the report's facts (from the truth file), then links it.
    page.goto(f'{server.url}/ticket/{tid}')
    truth = report['truth']
    facts = page.locator('#wb-facts')
    expect(facts.locator('.wb-version')).to_have_text(truth['tails_version'])
    expect(facts).to_contain_text(truth['contact_email'])
    gpu = truth['hardware']['gpus'][0]
    expect(facts.locator('.wb-device[data-role="gpu"]')).to_contain_text(gpu['pci_id'])
    # The model key is normalised (vendor capitalised: 'Lenovo IdeaPad …').
    expect(facts.locator('.wb-device[data-role="machine"]')).to_contain_text(
        re.compile(re.escape(truth['hardware']['dmi']['model_key']), re.IGNORECASE))
    expect(page.locator('#tki-none')).to_be_visible()
    page.select_option('#tki-pick', str(issue_id))
    page.click('#tki-link')
    expect(page.locator('#tki-linked')).to_contain_text(ISSUE)
    page.screenshot(path=str(shots / 'wb-01-ticket-linked.png'), full_page=True)

    # Counts: one ticket, one requester; top bugs and the statistics dashboard agree.
    page.click('#nav-known-issues')
    row = page.locator(f'tr[data-issue="{issue_id}"]')
    expect(row.locator('.ki-tickets')).to_have_text('1')
    expect(row.locator('.ki-requestors')).to_have_text('1')
    expect(page.locator(f'ol.top-bugs li[data-issue="{issue_id}"]')).to_contain_text('1 ticket, 1 requester')
    page.click('nav.tabs a[href="/stats"]')
    expect(page.locator(f'#wbd-bugs li[data-issue="{issue_id}"]')).to_contain_text('1 tickets, 1 requesters')
    expect(page.locator('#wbd-outcomes tbody tr').first).to_be_visible()
    page.screenshot(path=str(shots / 'wb-02-dashboard.png'), full_page=True)

    # Mark fixed in 6.10, preview, confirm.
    page.click('#nav-known-issues')
    row = page.locator(f'tr[data-issue="{issue_id}"]')
    expect(row.locator('.ki-contact')).to_be_disabled()
    row.locator('.ki-status').select_option('fixed')
    row.locator('.ki-fixed-in').fill('6.10')
    row.locator('.ki-save').click()
    row = page.locator(f'tr[data-issue="{issue_id}"]')
    expect(row.locator('.ki-contact')).to_be_enabled()
    row.locator('.ki-contact').click()
    page.locator(f'label.cb-answer[data-answer="{report["answer"]}"] input').check()
    page.click('#cb-preview')
    expect(page.locator('#cb-count')).to_contain_text('Dry run: 1 reply would be sent')
    expected = ANSWER_BODY.replace('{{ticket_id}}', str(tid))
    expect(page.locator('.cb-language[data-language="en"] pre.cb-text')).to_have_text(expected)
    page.screenshot(path=str(shots / 'wb-03-contact-preview.png'), full_page=True)
    # Nothing was sent by the preview.
    hist = root_api.get(f'{root_api.base}/hushdesk/ticket/{tid}').json()['history']
    assert [h for h in hist if h['type'] == 'Correspond'] == []
    page.click('#cb-confirm')
    expect(page.locator('#cb-done')).to_have_text('Sent 1 reply.')

    # The reply is in the ticket history, once.
    page.goto(f'{server.url}/ticket/{tid}')
    reply = page.locator('li.hist[data-type="Correspond"]')
    expect(reply).to_have_count(1)
    expect(reply).to_contain_text('is fixed in Tails 6.10')
    page.screenshot(path=str(shots / 'wb-04-replied.png'), full_page=True)
    again = root_api.post(f'{root_api.base}/known-issue/{issue_id}/contact-back/preview',
                          json={'answers': [report['answer']]}).json()
    assert again['count'] == 0 and again['skipped'] == [{'ticket': tid, 'reason': 'already_contacted'}]


def test_hardware_page_shows_the_reports_device(page, server, report, shots):
    truth = report['truth']
    gpu = truth['hardware']['gpus'][0]['pci_id']
    version = truth['tails_version']
    login(page, server, 'root', ADMIN_PW)
    page.click('#nav-hardware')
    expect(page).to_have_url(re.compile(r'/hardware$'))
    # Linked to a GPU issue (previous test), the report's GPU fails on its version, or works
    # partially when the user had added boot options (the documented workaround).
    extra = bool(truth['boot']['cmdline_extra'])
    row = page.locator(f'#hw-failing tr[data-device="{gpu}"]')
    cells = row.locator('td')
    expect(cells.nth(3)).to_have_text('gpu')
    expect(cells.nth(4)).to_have_text('0' if extra else '1')
    expect(cells.nth(5)).to_have_text('1' if extra else '0')
    expect(cells.nth(7)).to_have_text('' if extra else version)
    page.fill('#hw-key', gpu)
    page.fill('#hw-version', version)
    page.click('#hw-go')
    verdict = 'Yes, with a workaround' if extra else 'No'
    expect(page.locator('#hw-worked')).to_contain_text(f'on Tails {version}? {verdict}.')
    expect(page.locator('#hw-reports')).to_contain_text(f'#{report["ticket"]}')
    for fmt in ('csv', 'json'):
        href = page.locator(f'#hw-export-{fmt}').get_attribute('href')
        r = page.request.get(f'{server.url}{href}')
        assert r.status == 200, r.text()
        assert gpu in r.text()
    page.screenshot(path=str(shots / 'wb-05-hardware.png'), full_page=True)
