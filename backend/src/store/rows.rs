//! Database rows: what diesel reads and writes. Never serialized to clients directly.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email_address: Option<String>,
    pub real_name: String,
    pub nickname: String,
    pub organization: String,
    pub gecos: String,
    pub comments: String,
    pub lang: String,
    pub extra: String,
    pub password_hash: Option<String>,
    pub privileged: bool,
    pub role: String,
    pub disabled: bool,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub name: &'a str,
    pub email_address: Option<&'a str>,
    pub real_name: &'a str,
    pub password_hash: Option<&'a str>,
    pub privileged: bool,
    pub role: &'a str,
    pub disabled: bool,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = queues)]
pub struct QueueRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub correspond_address: String,
    pub comment_address: String,
    pub language: String,
    pub lifecycle: String,
    pub subject_tag: String,
    pub sort_order: i32,
    pub initial_priority: i32,
    pub final_priority: i32,
    pub default_due_in: i32,
    pub sla_disabled: bool,
    pub disabled: bool,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = queues)]
pub struct NewQueue<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub correspond_address: &'a str,
    pub comment_address: &'a str,
    pub language: &'a str,
    pub lifecycle: &'a str,
    pub sort_order: i32,
    pub sla_disabled: bool,
    pub disabled: bool,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tickets)]
pub struct TicketRow {
    pub id: i64,
    pub effective_id: i64,
    pub is_merged: bool,
    pub queue_id: i64,
    pub ticket_type: String,
    pub owner_id: i64,
    pub subject: String,
    pub initial_priority: i32,
    pub final_priority: i32,
    pub priority: i32,
    pub time_estimated: i32,
    pub time_worked: i32,
    pub time_left: i32,
    pub status: String,
    pub sla: Option<String>,
    pub told: Option<NaiveDateTime>,
    pub starts: Option<NaiveDateTime>,
    pub started: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub resolved: Option<NaiveDateTime>,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = tickets)]
pub struct NewTicket<'a> {
    pub effective_id: i64,
    pub queue_id: i64,
    pub ticket_type: &'a str,
    pub owner_id: i64,
    pub subject: &'a str,
    pub initial_priority: i32,
    pub final_priority: i32,
    pub priority: i32,
    pub time_estimated: i32,
    pub time_worked: i32,
    pub time_left: i32,
    pub status: &'a str,
    pub starts: Option<NaiveDateTime>,
    pub started: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub resolved: Option<NaiveDateTime>,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = transactions)]
pub struct TransactionRow {
    pub id: i64,
    pub object_type: String,
    pub object_id: i64,
    pub txn_type: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub data: Option<String>,
    pub reference_type: Option<String>,
    pub old_reference: Option<i64>,
    pub new_reference: Option<i64>,
    pub time_taken: i32,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Default, Insertable)]
#[diesel(table_name = transactions)]
pub struct NewTransaction {
    pub object_type: String,
    pub object_id: i64,
    pub txn_type: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub data: Option<String>,
    pub time_taken: i32,
    pub creator: i64,
    pub created: NaiveDateTime,
}

/// Attachment metadata without the content, for listings.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attachments)]
pub struct AttachmentMeta {
    pub id: i64,
    pub transaction_id: i64,
    pub parent: i64,
    pub message_id: String,
    pub subject: String,
    pub filename: String,
    pub content_type: String,
    pub content_encoding: String,
    pub headers: String,
    pub content_length: i64,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = attachments)]
pub struct NewAttachment<'a> {
    pub transaction_id: i64,
    pub parent: i64,
    pub message_id: &'a str,
    pub subject: &'a str,
    pub filename: &'a str,
    pub content_type: &'a str,
    pub content_encoding: &'a str,
    pub headers: &'a str,
    pub content: Option<&'a [u8]>,
    pub content_length: i64,
    pub creator: i64,
    pub created: NaiveDateTime,
    /// The ticket whose data key sealed `content`; `None` for plaintext.
    pub sealed_by: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = links)]
pub struct LinkRow {
    pub id: i64,
    pub base: String,
    pub target: String,
    pub link_type: String,
    pub local_base: i64,
    pub local_target: i64,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = custom_fields)]
pub struct CustomFieldRow {
    pub id: i64,
    pub name: String,
    pub cf_type: String,
    pub max_values: i32,
    pub lookup_type: String,
    pub description: String,
    pub pattern: String,
    pub disabled: bool,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = object_custom_field_values)]
pub struct CfValueRow {
    pub id: i64,
    pub custom_field_id: i64,
    pub object_type: String,
    pub object_id: i64,
    pub content: String,
    pub disabled: bool,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = groups)]
pub struct GroupRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub domain: String,
    pub disabled: bool,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = acl)]
pub struct AceRow {
    pub id: i64,
    pub principal_type: String,
    pub principal_id: i64,
    pub role_name: String,
    pub right_name: String,
    pub object_type: String,
    pub object_id: i64,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = auth_tokens)]
pub struct TokenRow {
    pub id: i64,
    pub owner_id: i64,
    pub description: String,
    pub token_hash: String,
    pub created: NaiveDateTime,
    pub last_used: Option<NaiveDateTime>,
}
