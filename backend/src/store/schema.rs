//! The one portable diesel schema for SQLite and PostgreSQL (full-text tables live outside it).

diesel::table! {
    users (id) {
        id -> BigInt,
        name -> Text,
        email_address -> Nullable<Text>,
        real_name -> Text,
        nickname -> Text,
        organization -> Text,
        gecos -> Text,
        comments -> Text,
        lang -> Text,
        extra -> Text,
        password_hash -> Nullable<Text>,
        privileged -> Bool,
        role -> Text,
        disabled -> Bool,
        creator -> BigInt,
        created -> Timestamp,
        last_updated_by -> BigInt,
        last_updated -> Timestamp,
    }
}

diesel::table! {
    groups (id) {
        id -> BigInt,
        name -> Text,
        description -> Text,
        domain -> Text,
        disabled -> Bool,
        created -> Timestamp,
    }
}

diesel::table! {
    group_members (group_id, user_id) {
        group_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    queues (id) {
        id -> BigInt,
        name -> Text,
        description -> Text,
        correspond_address -> Text,
        comment_address -> Text,
        language -> Text,
        lifecycle -> Text,
        subject_tag -> Text,
        sort_order -> Integer,
        initial_priority -> Integer,
        final_priority -> Integer,
        default_due_in -> Integer,
        sla_disabled -> Bool,
        disabled -> Bool,
        creator -> BigInt,
        created -> Timestamp,
        last_updated_by -> BigInt,
        last_updated -> Timestamp,
    }
}

diesel::table! {
    queue_watchers (queue_id, role, user_id) {
        queue_id -> BigInt,
        role -> Text,
        user_id -> BigInt,
    }
}

diesel::table! {
    tickets (id) {
        id -> BigInt,
        effective_id -> BigInt,
        is_merged -> Bool,
        queue_id -> BigInt,
        ticket_type -> Text,
        owner_id -> BigInt,
        subject -> Text,
        initial_priority -> Integer,
        final_priority -> Integer,
        priority -> Integer,
        time_estimated -> Integer,
        time_worked -> Integer,
        time_left -> Integer,
        status -> Text,
        sla -> Nullable<Text>,
        told -> Nullable<Timestamp>,
        starts -> Nullable<Timestamp>,
        started -> Nullable<Timestamp>,
        due -> Nullable<Timestamp>,
        resolved -> Nullable<Timestamp>,
        last_updated_by -> BigInt,
        last_updated -> Timestamp,
        creator -> BigInt,
        created -> Timestamp,
        language -> Text,
    }
}

diesel::table! {
    ticket_watchers (ticket_id, role, user_id) {
        ticket_id -> BigInt,
        role -> Text,
        user_id -> BigInt,
    }
}

diesel::table! {
    transactions (id) {
        id -> BigInt,
        object_type -> Text,
        object_id -> BigInt,
        txn_type -> Text,
        field -> Nullable<Text>,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
        data -> Nullable<Text>,
        reference_type -> Nullable<Text>,
        old_reference -> Nullable<BigInt>,
        new_reference -> Nullable<BigInt>,
        time_taken -> Integer,
        creator -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    attachments (id) {
        id -> BigInt,
        transaction_id -> BigInt,
        parent -> BigInt,
        message_id -> Text,
        subject -> Text,
        filename -> Text,
        content_type -> Text,
        content_encoding -> Text,
        headers -> Text,
        content -> Nullable<Binary>,
        content_length -> BigInt,
        creator -> BigInt,
        created -> Timestamp,
        sealed_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    links (id) {
        id -> BigInt,
        base -> Text,
        target -> Text,
        link_type -> Text,
        local_base -> BigInt,
        local_target -> BigInt,
        creator -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    custom_fields (id) {
        id -> BigInt,
        name -> Text,
        cf_type -> Text,
        max_values -> Integer,
        lookup_type -> Text,
        description -> Text,
        pattern -> Text,
        disabled -> Bool,
        creator -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    custom_field_values (id) {
        id -> BigInt,
        custom_field_id -> BigInt,
        name -> Text,
        description -> Text,
        sort_order -> Integer,
    }
}

diesel::table! {
    object_custom_fields (custom_field_id, object_id) {
        custom_field_id -> BigInt,
        object_id -> BigInt,
    }
}

diesel::table! {
    object_custom_field_values (id) {
        id -> BigInt,
        custom_field_id -> BigInt,
        object_type -> Text,
        object_id -> BigInt,
        content -> Text,
        disabled -> Bool,
        creator -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    acl (id) {
        id -> BigInt,
        principal_type -> Text,
        principal_id -> BigInt,
        role_name -> Text,
        right_name -> Text,
        object_type -> Text,
        object_id -> BigInt,
    }
}

diesel::table! {
    auth_tokens (id) {
        id -> BigInt,
        owner_id -> BigInt,
        description -> Text,
        token_hash -> Text,
        created -> Timestamp,
        last_used -> Nullable<Timestamp>,
    }
}

diesel::joinable!(group_members -> groups (group_id));
diesel::joinable!(group_members -> users (user_id));
diesel::joinable!(queue_watchers -> queues (queue_id));
diesel::joinable!(tickets -> queues (queue_id));
diesel::joinable!(ticket_watchers -> tickets (ticket_id));
diesel::joinable!(ticket_watchers -> users (user_id));
diesel::joinable!(attachments -> transactions (transaction_id));
diesel::joinable!(custom_field_values -> custom_fields (custom_field_id));
diesel::joinable!(object_custom_field_values -> custom_fields (custom_field_id));
diesel::joinable!(auth_tokens -> users (owner_id));

diesel::table! {
    ticket_activity (ticket_id) {
        ticket_id -> BigInt,
        needs_answer -> Bool,
        waiting_since -> Nullable<Timestamp>,
        first_response -> Nullable<Timestamp>,
    }
}

diesel::table! {
    answers (id) {
        id -> BigInt,
        title -> Text,
        body -> Text,
        language -> Text,
        category -> Text,
        usage_count -> BigInt,
        creator -> BigInt,
        created -> Timestamp,
        last_updated_by -> BigInt,
        last_updated -> Timestamp,
    }
}

diesel::joinable!(ticket_activity -> tickets (ticket_id));

diesel::table! {
    search_queue (ticket_id) {
        ticket_id -> BigInt,
        seq -> BigInt,
    }
}

diesel::table! {
    wb_reports (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        report_id -> Nullable<Text>,
        tails_version -> Nullable<Text>,
        body_format -> Nullable<Text>,
        debugging_info_era -> Nullable<Text>,
        language -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        openpgp_key_kind -> Nullable<Text>,
        openpgp_key_value -> Nullable<Text>,
        openpgp_key_block -> Nullable<Text>,
        bug_app -> Nullable<Text>,
        bug_summary -> Nullable<Text>,
        bug_details -> Nullable<Text>,
        machine_key -> Nullable<Text>,
        boot_added -> Text,
        size_bytes -> BigInt,
        facts -> Text,
        created -> Timestamp,
    }
}

diesel::table! {
    wb_report_devices (id) {
        id -> BigInt,
        report_id -> BigInt,
        ticket_id -> BigInt,
        kind -> Text,
        device_key -> Text,
        role -> Text,
        name -> Text,
        driver -> Nullable<Text>,
        tails_version -> Nullable<Text>,
    }
}

diesel::table! {
    known_issues (id) {
        id -> BigInt,
        title -> Text,
        description -> Text,
        status -> Text,
        fixed_in -> Nullable<Text>,
        tracker_url -> Nullable<Text>,
        affected_versions -> Text,
        hardware_roles -> Text,
        creator -> BigInt,
        created -> Timestamp,
        last_updated_by -> BigInt,
        last_updated -> Timestamp,
    }
}

diesel::table! {
    known_issue_tickets (known_issue_id, ticket_id) {
        known_issue_id -> BigInt,
        ticket_id -> BigInt,
        linked_by -> BigInt,
        linked_at -> Timestamp,
        requestor_tokens -> Text,
    }
}

diesel::table! {
    hardware_marks (id) {
        id -> BigInt,
        kind -> Text,
        device_key -> Text,
        tails_version -> Text,
        outcome -> Text,
        note -> Text,
        ticket_id -> Nullable<BigInt>,
        creator -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    known_issue_replies (known_issue_id, ticket_id) {
        known_issue_id -> BigInt,
        ticket_id -> BigInt,
        transaction_id -> BigInt,
        language -> Text,
        answer_id -> BigInt,
        creator -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    hardware_outcome_counts (kind, device_key, tails_version, role, outcome) {
        kind -> Text,
        device_key -> Text,
        tails_version -> Text,
        role -> Text,
        outcome -> Text,
        name -> Text,
        count -> BigInt,
    }
}

diesel::joinable!(wb_reports -> tickets (ticket_id));
diesel::joinable!(wb_report_devices -> wb_reports (report_id));
diesel::joinable!(known_issue_tickets -> known_issues (known_issue_id));
diesel::joinable!(known_issue_tickets -> tickets (ticket_id));

diesel::table! {
    ticket_keys (ticket_id) {
        ticket_id -> BigInt,
        wrapped_key -> Binary,
        created -> Timestamp,
    }
}

diesel::table! {
    retention_policies (id) {
        id -> BigInt,
        queue_id -> BigInt,
        kind -> Text,
        max_age_days -> Nullable<Integer>,
        counted_from -> Text,
        updated -> Timestamp,
    }
}

diesel::table! {
    retention_purged (ticket_id, kind) {
        ticket_id -> BigInt,
        kind -> Text,
        purged -> Timestamp,
    }
}

diesel::table! {
    retention_receipts (id) {
        id -> BigInt,
        trigger -> Text,
        dry_run -> Bool,
        started -> Timestamp,
        finished -> Timestamp,
        policy -> Text,
        counts -> Text,
    }
}

diesel::table! {
    abuse_signals (id) {
        id -> BigInt,
        requester_hash -> Text,
        signal -> Text,
        weight -> Integer,
        created -> Timestamp,
        expires -> Timestamp,
    }
}

diesel::joinable!(retention_policies -> queues (queue_id));

diesel::table! {
    mail_messages (id) {
        id -> BigInt,
        dedupe_key -> Text,
        message_id -> Text,
        direction -> Text,
        ticket_id -> BigInt,
        transaction_id -> BigInt,
        queue_id -> BigInt,
        status -> Text,
        reason -> Text,
        created -> Timestamp,
    }
}

diesel::table! {
    mail_autoreplies (id) {
        id -> BigInt,
        user_id -> BigInt,
        ticket_id -> BigInt,
        created -> Timestamp,
    }
}

diesel::table! {
    openpgp_key_handles (handle, key_id) {
        handle -> Text,
        key_id -> BigInt,
    }
}

diesel::table! {
    openpgp_keys (id) {
        id -> BigInt,
        owner_type -> Text,
        owner_id -> BigInt,
        fingerprint -> Text,
        armored -> Text,
        has_secret -> Bool,
        user_ids -> Text,
        expires -> Nullable<Timestamp>,
        revoked -> Bool,
        source -> Text,
        created -> Timestamp,
        last_updated -> Timestamp,
    }
}

diesel::table! {
    openpgp_queue_settings (queue_id) {
        queue_id -> BigInt,
        require_encryption -> Text,
        sign -> Bool,
        encrypt -> Bool,
        autoreply -> Bool,
        autoreply_text -> Text,
    }
}

diesel::table! {
    openpgp_transaction_status (transaction_id) {
        transaction_id -> BigInt,
        encryption -> Text,
        encryption_detail -> Text,
        signature -> Text,
        signer -> Text,
        signature_detail -> Text,
        unencrypted_flag -> Bool,
        protected_subject -> Bool,
    }
}

diesel::table! {
    outbound_mail (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        transaction_id -> BigInt,
        kind -> Text,
        status -> Text,
        error -> Text,
        attempts -> Integer,
        next_attempt -> Timestamp,
        message_id -> Text,
        recipients -> Text,
        encrypted -> Bool,
        signed -> Bool,
        record_transaction_id -> Nullable<BigInt>,
        created -> Timestamp,
        sent -> Nullable<Timestamp>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    users,
    groups,
    group_members,
    queues,
    queue_watchers,
    tickets,
    ticket_watchers,
    transactions,
    attachments,
    links,
    custom_fields,
    custom_field_values,
    object_custom_fields,
    object_custom_field_values,
    acl,
    auth_tokens,
    ticket_activity,
    answers,
    search_queue,
    wb_reports,
    wb_report_devices,
    known_issues,
    known_issue_tickets,
    hardware_marks,
    known_issue_replies,
    hardware_outcome_counts,
    ticket_keys,
    retention_policies,
    retention_purged,
    retention_receipts,
    abuse_signals,
    mail_messages,
    mail_autoreplies,
    openpgp_keys,
    openpgp_key_handles,
    openpgp_queue_settings,
    openpgp_transaction_status,
    outbound_mail,
);

diesel::joinable!(openpgp_key_handles -> openpgp_keys (key_id));
