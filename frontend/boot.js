// Starts the app. A file rather than an inline script: the server's CSP allows only 'self'.
import init from '/hushdesk_web.js';
init();
