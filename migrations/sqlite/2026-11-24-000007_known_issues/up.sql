-- WhisperBack reports with their facts, known issues linked to tickets, hardware marks.

CREATE TABLE wb_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    report_id TEXT,
    tails_version TEXT,
    body_format TEXT,
    debugging_info_era TEXT,
    language TEXT,
    contact_email TEXT,
    openpgp_key_kind TEXT,
    openpgp_key_value TEXT,
    openpgp_key_block TEXT,
    bug_app TEXT,
    bug_summary TEXT,
    bug_details TEXT,
    machine_key TEXT,
    boot_added TEXT NOT NULL DEFAULT '',
    size_bytes BIGINT NOT NULL DEFAULT 0,
    facts TEXT NOT NULL DEFAULT '{}',
    created TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX wb_reports_ticket ON wb_reports (ticket_id);
CREATE UNIQUE INDEX wb_reports_report_id ON wb_reports (report_id);
CREATE INDEX wb_reports_version ON wb_reports (tails_version);

CREATE TABLE wb_report_devices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id BIGINT NOT NULL REFERENCES wb_reports (id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    device_key TEXT NOT NULL,
    role TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    driver TEXT,
    tails_version TEXT
);
CREATE INDEX wb_report_devices_device ON wb_report_devices (kind, device_key);
CREATE INDEX wb_report_devices_ticket ON wb_report_devices (ticket_id);

CREATE TABLE known_issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    fixed_in TEXT,
    tracker_url TEXT,
    affected_versions TEXT NOT NULL DEFAULT '',
    hardware_roles TEXT NOT NULL DEFAULT 'machine,gpu,wifi,usb_stick',
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL,
    last_updated_by BIGINT NOT NULL,
    last_updated TIMESTAMP NOT NULL
);
CREATE INDEX known_issues_status ON known_issues (status);

CREATE TABLE known_issue_tickets (
    known_issue_id BIGINT NOT NULL REFERENCES known_issues (id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    linked_by BIGINT NOT NULL,
    linked_at TIMESTAMP NOT NULL,
    PRIMARY KEY (known_issue_id, ticket_id)
);
CREATE INDEX known_issue_tickets_ticket ON known_issue_tickets (ticket_id);

CREATE TABLE hardware_marks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    device_key TEXT NOT NULL,
    tails_version TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    ticket_id BIGINT,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE INDEX hardware_marks_device ON hardware_marks (kind, device_key);
