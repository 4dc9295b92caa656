CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    email_address TEXT,
    real_name TEXT NOT NULL DEFAULT '',
    nickname TEXT NOT NULL DEFAULT '',
    organization TEXT NOT NULL DEFAULT '',
    gecos TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    password_hash TEXT,
    privileged BOOLEAN NOT NULL DEFAULT FALSE,
    role TEXT NOT NULL DEFAULT '',
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    creator BIGINT NOT NULL DEFAULT 1,
    created TIMESTAMP NOT NULL,
    last_updated_by BIGINT NOT NULL DEFAULT 1,
    last_updated TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (lower(name));
CREATE INDEX users_email ON users (lower(email_address));

CREATE TABLE groups (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    domain TEXT NOT NULL DEFAULT 'UserDefined',
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX groups_domain_name ON groups (domain, lower(name));

CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE queues (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    correspond_address TEXT NOT NULL DEFAULT '',
    comment_address TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    lifecycle TEXT NOT NULL DEFAULT 'default',
    subject_tag TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    initial_priority INTEGER NOT NULL DEFAULT 0,
    final_priority INTEGER NOT NULL DEFAULT 0,
    default_due_in INTEGER NOT NULL DEFAULT 0,
    sla_disabled BOOLEAN NOT NULL DEFAULT TRUE,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    creator BIGINT NOT NULL DEFAULT 1,
    created TIMESTAMP NOT NULL,
    last_updated_by BIGINT NOT NULL DEFAULT 1,
    last_updated TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX queues_name ON queues (lower(name));

CREATE TABLE queue_watchers (
    queue_id BIGINT NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (queue_id, role, user_id)
);

CREATE TABLE tickets (
    id BIGSERIAL PRIMARY KEY,
    effective_id BIGINT NOT NULL,
    is_merged BOOLEAN NOT NULL DEFAULT FALSE,
    queue_id BIGINT NOT NULL REFERENCES queues (id),
    ticket_type TEXT NOT NULL DEFAULT 'ticket',
    owner_id BIGINT NOT NULL REFERENCES users (id),
    subject TEXT NOT NULL DEFAULT '',
    initial_priority INTEGER NOT NULL DEFAULT 0,
    final_priority INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 0,
    time_estimated INTEGER NOT NULL DEFAULT 0,
    time_worked INTEGER NOT NULL DEFAULT 0,
    time_left INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    sla TEXT,
    told TIMESTAMP,
    starts TIMESTAMP,
    started TIMESTAMP,
    due TIMESTAMP,
    resolved TIMESTAMP,
    last_updated_by BIGINT NOT NULL,
    last_updated TIMESTAMP NOT NULL,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE INDEX tickets_queue_status ON tickets (queue_id, status);
CREATE INDEX tickets_status ON tickets (status);
CREATE INDEX tickets_effective ON tickets (effective_id);
CREATE INDEX tickets_owner ON tickets (owner_id);
CREATE INDEX tickets_last_updated ON tickets (last_updated);
CREATE INDEX tickets_created ON tickets (created);

CREATE TABLE ticket_watchers (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (ticket_id, role, user_id)
);
CREATE INDEX ticket_watchers_user ON ticket_watchers (user_id, role);

CREATE TABLE transactions (
    id BIGSERIAL PRIMARY KEY,
    object_type TEXT NOT NULL,
    object_id BIGINT NOT NULL,
    txn_type TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    data TEXT,
    reference_type TEXT,
    old_reference BIGINT,
    new_reference BIGINT,
    time_taken INTEGER NOT NULL DEFAULT 0,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE INDEX transactions_object ON transactions (object_type, object_id, id);

CREATE TABLE attachments (
    id BIGSERIAL PRIMARY KEY,
    transaction_id BIGINT NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    parent BIGINT NOT NULL DEFAULT 0,
    message_id TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    filename TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    content_encoding TEXT NOT NULL DEFAULT 'none',
    headers TEXT NOT NULL DEFAULT '',
    content BYTEA,
    content_length BIGINT NOT NULL DEFAULT 0,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE INDEX attachments_transaction ON attachments (transaction_id);
CREATE INDEX attachments_message_id ON attachments (message_id);

CREATE TABLE links (
    id BIGSERIAL PRIMARY KEY,
    base TEXT NOT NULL,
    target TEXT NOT NULL,
    link_type TEXT NOT NULL,
    local_base BIGINT NOT NULL DEFAULT 0,
    local_target BIGINT NOT NULL DEFAULT 0,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX links_unique ON links (base, link_type, target);
CREATE INDEX links_local_base ON links (local_base, link_type);
CREATE INDEX links_local_target ON links (local_target, link_type);

CREATE TABLE custom_fields (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    cf_type TEXT NOT NULL DEFAULT 'Freeform',
    max_values INTEGER NOT NULL DEFAULT 1,
    lookup_type TEXT NOT NULL DEFAULT 'RT::Queue-RT::Ticket',
    description TEXT NOT NULL DEFAULT '',
    pattern TEXT NOT NULL DEFAULT '',
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    creator BIGINT NOT NULL DEFAULT 1,
    created TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX custom_fields_name ON custom_fields (lookup_type, lower(name));

CREATE TABLE custom_field_values (
    id BIGSERIAL PRIMARY KEY,
    custom_field_id BIGINT NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX custom_field_values_cf ON custom_field_values (custom_field_id);

CREATE TABLE object_custom_fields (
    custom_field_id BIGINT NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    object_id BIGINT NOT NULL,
    PRIMARY KEY (custom_field_id, object_id)
);

CREATE TABLE object_custom_field_values (
    id BIGSERIAL PRIMARY KEY,
    custom_field_id BIGINT NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    object_type TEXT NOT NULL,
    object_id BIGINT NOT NULL,
    content TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE INDEX ocfv_object ON object_custom_field_values (object_type, object_id, custom_field_id);
CREATE INDEX ocfv_cf_content ON object_custom_field_values (custom_field_id, content);

CREATE TABLE acl (
    id BIGSERIAL PRIMARY KEY,
    principal_type TEXT NOT NULL,
    principal_id BIGINT NOT NULL DEFAULT 0,
    role_name TEXT NOT NULL DEFAULT '',
    right_name TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX acl_unique ON acl (principal_type, principal_id, role_name, right_name, object_type, object_id);

CREATE TABLE auth_tokens (
    id BIGSERIAL PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    description TEXT NOT NULL DEFAULT '',
    token_hash TEXT NOT NULL,
    created TIMESTAMP NOT NULL,
    last_used TIMESTAMP
);
CREATE INDEX auth_tokens_owner ON auth_tokens (owner_id);

CREATE TABLE attachment_fts (
    attachment_id BIGINT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    body TSVECTOR NOT NULL
);
CREATE INDEX attachment_fts_body ON attachment_fts USING GIN (body);
