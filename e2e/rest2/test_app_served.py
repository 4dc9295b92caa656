"""The backend serves the built Leptos app at `/` (with client-side routes), the OpenAPI
document, and an offline docs page."""

import json
import pathlib

import httpx2

from hushdesk_server import WEB_DIR


def test_app_bundle_is_served(server):
    assert (WEB_DIR / 'index.html').is_file(), 'build the app first: scripts/build-frontend.sh'
    page = httpx2.get(f'{server.url}/')
    assert page.status_code == 200
    assert page.headers['content-type'].startswith('text/html')
    assert 'hushdesk_web' in page.text
    assert page.text == (WEB_DIR / 'index.html').read_text()
    wasm = httpx2.get(f'{server.url}/hushdesk_web_bg.wasm')
    assert wasm.status_code == 200
    assert wasm.headers['content-type'] == 'application/wasm'
    assert wasm.content[:4] == b'\0asm'
    assert wasm.content == (WEB_DIR / 'hushdesk_web_bg.wasm').read_bytes()
    deep = httpx2.get(f'{server.url}/tickets/5')
    assert deep.status_code == 200 and deep.text == page.text


def test_openapi_document_is_served_and_checked_in(server):
    served = httpx2.get(f'{server.url}/openapi.json')
    assert served.status_code == 200
    checked_in = pathlib.Path(__file__).resolve().parents[2] / 'openapi' / 'openapi.json'
    assert json.loads(served.text) == json.loads(checked_in.read_text())
    docs = httpx2.get(f'{server.url}/docs/')
    assert docs.status_code == 200
    assert 'swagger-ui' in docs.text
    assert 'https://' not in docs.text
