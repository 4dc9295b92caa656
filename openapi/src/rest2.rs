//! RT REST 2.0 wire types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// RT's error body: `{"message": "..."}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct ErrorBody {
    pub message: String,
}

/// `GET /REST/2.0/rt`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RtInfo {
    #[serde(rename = "Version")]
    pub version: String,
    #[serde(rename = "Plugins")]
    pub plugins: Vec<String>,
}

/// A name or a number: RT accepts a queue as `"General"` or `1`, a priority as `"10"` or `10`.
/// Only describes the wire (the server reads these fields as JSON values).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(untagged)]
pub enum StringOrInt {
    Int(i64),
    String(String),
}

/// One string (addresses: comma-separated) or a list of strings.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(untagged)]
pub enum StringOrList {
    List(Vec<String>),
    String(String),
}

/// A 0/1 flag as RT takes it: a boolean, a number, or `"0"`/`"1"`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(untagged)]
pub enum Flag {
    Bool(bool),
    Int(i64),
    String(String),
}

/// An attachment's `Parent`: `"0"` for a top-level part, else a reference to the parent part.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum AttachmentParent {
    Ref(RecordRef),
    None(String),
}

/// A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct RecordRef {
    /// Users by name, other records by numeric id, always as a string.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub _url: String,
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub extra: BTreeMap<String, Value>,
}

/// A hypermedia link of a record (`_hyperlinks`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct Hyperlink {
    #[serde(rename = "ref")]
    pub rel: String,
    pub _url: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrInt>)]
    pub id: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<String>,
}

/// A paged list; `total`/`pages` are null when the caller may not count every row.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Collection {
    pub count: i64,
    pub page: i64,
    pub per_page: i64,
    pub pages: Option<i64>,
    pub total: Option<i64>,
    pub items: Vec<RecordRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev_page: Option<String>,
}

/// A custom field with its values, as in a ticket's `CustomFields`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct CustomFieldValues {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub _url: String,
    pub values: Vec<String>,
}

/// `GET /REST/2.0/ticket/{id}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct TicketResponse {
    #[serde(rename = "id")]
    pub id: i64,
    pub effective_id: RecordRef,
    pub queue: RecordRef,
    pub owner: RecordRef,
    pub creator: RecordRef,
    pub last_updated_by: RecordRef,
    pub subject: String,
    pub status: String,
    #[serde(rename = "Type")]
    pub kind: String,
    pub priority: String,
    pub initial_priority: String,
    pub final_priority: String,
    pub time_estimated: String,
    pub time_worked: String,
    pub time_left: String,
    pub created: String,
    pub starts: String,
    pub started: String,
    pub due: String,
    pub resolved: String,
    pub told: String,
    pub last_updated: String,
    #[serde(rename = "SLA")]
    pub sla: Option<String>,
    pub requestor: Vec<RecordRef>,
    pub cc: Vec<RecordRef>,
    #[serde(rename = "AdminCc")]
    pub admin_cc: Vec<RecordRef>,
    pub custom_fields: Vec<CustomFieldValues>,
    #[serde(rename = "_hyperlinks")]
    pub hyperlinks: Vec<Hyperlink>,
    /// Hushdesk: a requestor of this ticket is flagged for abuse (score at or over the threshold).
    #[serde(default)]
    pub abuse_flag: bool,
}

/// An attachment given inline in JSON.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InlineAttachment {
    #[serde(rename = "FileName")]
    pub file_name: String,
    #[serde(rename = "FileType", default)]
    pub file_type: String,
    /// Base64 of the bytes.
    #[serde(rename = "FileContent")]
    pub file_content: String,
}

/// `POST /REST/2.0/ticket` (JSON, or the `JSON` part of a multipart request).
/// Fields beyond these follow RT (Starts, Due, TimeEstimated…).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
pub struct CreateTicketRequest {
    #[serde(rename = "Queue")]
    #[schema(value_type = StringOrInt)]
    pub queue: Value,
    #[serde(rename = "Subject", default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(rename = "Content", default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(
        rename = "ContentType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub content_type: Option<String>,
    /// One address, a comma-separated list, or an array.
    #[serde(rename = "Requestor", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrList>)]
    pub requestor: Option<Value>,
    #[serde(rename = "Cc", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrList>)]
    pub cc: Option<Value>,
    #[serde(rename = "AdminCc", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrList>)]
    pub admin_cc: Option<Value>,
    #[serde(rename = "Owner", default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "Priority", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrInt>)]
    pub priority: Option<Value>,
    /// Values by custom field name: a string or a list of strings.
    #[serde(
        rename = "CustomFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schema(value_type = Option<BTreeMap<String, StringOrList>>)]
    pub custom_fields: Option<BTreeMap<String, Value>>,
    #[serde(
        rename = "Attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<InlineAttachment>>,
}

/// `PUT /REST/2.0/ticket/{id}`: the fields to change (RT's names); fields not listed here
/// are passed on as RT would take them. Only describes the wire: the server reads a JSON object.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
pub struct UpdateTicketRequest {
    #[serde(rename = "Subject", default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// User name or id.
    #[serde(rename = "Owner", default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Queue name or id: moves the ticket.
    #[serde(rename = "Queue", default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<StringOrInt>,
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(rename = "Priority", default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<StringOrInt>,
    #[serde(
        rename = "InitialPriority",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub initial_priority: Option<StringOrInt>,
    #[serde(
        rename = "FinalPriority",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub final_priority: Option<StringOrInt>,
    #[serde(
        rename = "TimeEstimated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub time_estimated: Option<StringOrInt>,
    #[serde(
        rename = "TimeWorked",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub time_worked: Option<StringOrInt>,
    #[serde(rename = "TimeLeft", default, skip_serializing_if = "Option::is_none")]
    pub time_left: Option<StringOrInt>,
    #[serde(rename = "Due", default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(rename = "Starts", default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<String>,
    #[serde(rename = "Started", default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(rename = "Told", default, skip_serializing_if = "Option::is_none")]
    pub told: Option<String>,
    #[serde(rename = "Resolved", default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// Replaces the requestors: one address, a comma-separated list, or an array.
    #[serde(rename = "Requestor", default, skip_serializing_if = "Option::is_none")]
    pub requestor: Option<StringOrList>,
    #[serde(rename = "Cc", default, skip_serializing_if = "Option::is_none")]
    pub cc: Option<StringOrList>,
    #[serde(rename = "AdminCc", default, skip_serializing_if = "Option::is_none")]
    pub admin_cc: Option<StringOrList>,
    /// Values by custom field name: a string or a list of strings.
    #[serde(
        rename = "CustomFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_fields: Option<BTreeMap<String, StringOrList>>,
    /// Merge this ticket into the given ticket id.
    #[serde(rename = "MergeInto", default, skip_serializing_if = "Option::is_none")]
    pub merge_into: Option<StringOrInt>,
    /// Ticket ids (or URIs) to link with `RefersTo`.
    #[serde(
        rename = "AddRefersTo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_refers_to: Option<StringOrList>,
    #[serde(
        rename = "DeleteRefersTo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_refers_to: Option<StringOrList>,
    /// Ticket ids (or URIs) to link with `ReferredToBy`.
    #[serde(
        rename = "AddReferredToBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_referred_to_by: Option<StringOrList>,
    #[serde(
        rename = "DeleteReferredToBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_referred_to_by: Option<StringOrList>,
    /// Ticket ids (or URIs) to link with `MemberOf`.
    #[serde(
        rename = "AddMemberOf",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_member_of: Option<StringOrList>,
    #[serde(
        rename = "DeleteMemberOf",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_member_of: Option<StringOrList>,
    /// Ticket ids (or URIs) to link with `Members`.
    #[serde(
        rename = "AddMembers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_members: Option<StringOrList>,
    #[serde(
        rename = "DeleteMembers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_members: Option<StringOrList>,
    /// Ticket ids (or URIs) to link with `DependsOn`.
    #[serde(
        rename = "AddDependsOn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_depends_on: Option<StringOrList>,
    #[serde(
        rename = "DeleteDependsOn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_depends_on: Option<StringOrList>,
    /// Ticket ids (or URIs) to link with `DependedOnBy`.
    #[serde(
        rename = "AddDependedOnBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub add_depended_on_by: Option<StringOrList>,
    #[serde(
        rename = "DeleteDependedOnBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_depended_on_by: Option<StringOrList>,
}

/// `POST /REST/2.0/ticket/{id}/correspond` and `/comment`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
pub struct MessageRequest {
    #[serde(rename = "Content", default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(
        rename = "ContentType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub content_type: Option<String>,
    #[serde(rename = "Subject", default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(rename = "TimeTaken", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrInt>)]
    pub time_taken: Option<Value>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "CustomFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schema(value_type = Option<BTreeMap<String, StringOrList>>)]
    pub custom_fields: Option<BTreeMap<String, Value>>,
    #[serde(
        rename = "Attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<InlineAttachment>>,
}

/// One clause of the attachment search body: `{"field","operator","value"}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchClause {
    pub field: String,
    #[serde(default = "default_operator")]
    pub operator: String,
    #[serde(default)]
    #[schema(value_type = StringOrInt)]
    pub value: Value,
}

fn default_operator() -> String {
    "=".into()
}

/// A transaction (history entry).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct TransactionResponse {
    #[serde(rename = "id")]
    pub id: i64,
    #[serde(rename = "Type")]
    pub kind: String,
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub data: String,
    pub description: String,
    pub time_taken: String,
    pub created: String,
    pub creator: RecordRef,
    pub object: RecordRef,
    #[serde(rename = "_hyperlinks")]
    pub hyperlinks: Vec<Hyperlink>,
}

/// An attachment (a MIME part); `Content` is base64.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct AttachmentResponse {
    #[serde(rename = "id")]
    pub id: i64,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    pub content_type: String,
    pub content_encoding: String,
    pub content_length: String,
    pub headers: String,
    pub message_id: String,
    #[schema(value_type = AttachmentParent)]
    pub parent: Value,
    pub transaction_id: RecordRef,
    pub creator: RecordRef,
    pub created: String,
    pub content: String,
    #[serde(rename = "_hyperlinks")]
    pub hyperlinks: Vec<Hyperlink>,
}

/// A queue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct QueueResponse {
    #[serde(rename = "id")]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub correspond_address: String,
    pub comment_address: String,
    /// ISO 639-1 language of the queue (Hushdesk: a queue per language).
    pub language: String,
    pub lifecycle: String,
    pub sort_order: String,
    #[serde(rename = "SLADisabled")]
    pub sla_disabled: String,
    pub disabled: String,
    pub initial_priority: String,
    pub final_priority: String,
    pub default_due_in: String,
    pub created: String,
    pub creator: RecordRef,
    pub last_updated: String,
    pub last_updated_by: RecordRef,
    pub cc: Vec<RecordRef>,
    #[serde(rename = "AdminCc")]
    pub admin_cc: Vec<RecordRef>,
    pub ticket_custom_fields: Vec<RecordRef>,
    pub ticket_transaction_custom_fields: Vec<RecordRef>,
    pub custom_fields: Vec<RecordRef>,
    #[serde(rename = "_hyperlinks")]
    pub hyperlinks: Vec<Hyperlink>,
}

/// `POST /REST/2.0/queue` and `PUT /REST/2.0/queue/{id}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
pub struct QueueRequest {
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "CorrespondAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub correspond_address: Option<String>,
    #[serde(
        rename = "CommentAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub comment_address: Option<String>,
    #[serde(rename = "Language", default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(rename = "Lifecycle", default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<String>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<StringOrInt>)]
    pub sort_order: Option<Value>,
    #[serde(
        rename = "SLADisabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schema(value_type = Option<Flag>)]
    pub sla_disabled: Option<Value>,
    #[serde(rename = "Disabled", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Flag>)]
    pub disabled: Option<Value>,
}

/// A user.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct UserResponse {
    #[serde(rename = "id")]
    pub id: i64,
    pub name: String,
    pub email_address: String,
    pub real_name: String,
    pub nick_name: String,
    pub organization: String,
    pub gecos: String,
    pub comments: String,
    pub lang: String,
    /// RT sends this one as a number.
    pub privileged: i64,
    pub disabled: String,
    pub created: String,
    pub creator: RecordRef,
    pub last_updated: String,
    pub last_updated_by: RecordRef,
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub extra: BTreeMap<String, Value>,
    #[serde(rename = "_hyperlinks")]
    pub hyperlinks: Vec<Hyperlink>,
}

/// `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}`: RT's user fields.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
pub struct UserRequest {
    #[serde(flatten)]
    #[schema(value_type = UserFields)]
    pub fields: BTreeMap<String, Value>,
}

/// A user's fields as `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}` take them. RT's
/// other user fields (Address1, Address2, City, State, Zip, Country, HomePhone, WorkPhone,
/// MobilePhone, PagerPhone, ContactInfo, Signature, Timezone…) are taken as strings too; any
/// other name is a 400. Only describes the wire.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default)]
pub struct UserFields {
    /// Login name; required to create a user.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// At least 8 characters.
    #[serde(rename = "Password", default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(
        rename = "EmailAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub email_address: Option<String>,
    #[serde(rename = "RealName", default, skip_serializing_if = "Option::is_none")]
    pub real_name: Option<String>,
    #[serde(rename = "NickName", default, skip_serializing_if = "Option::is_none")]
    pub nick_name: Option<String>,
    #[serde(
        rename = "Organization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub organization: Option<String>,
    #[serde(rename = "Gecos", default, skip_serializing_if = "Option::is_none")]
    pub gecos: Option<String>,
    #[serde(rename = "Comments", default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    #[serde(rename = "Lang", default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Staff (1) or end user (0).
    #[serde(
        rename = "Privileged",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub privileged: Option<Flag>,
    #[serde(rename = "Disabled", default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<Flag>,
}

/// Human-readable results of a change, as RT returns them.
pub type Messages = Vec<String>;

/// `POST /REST/2.0/hushdesk/login`: the app's login.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// Who is logged in.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SessionResponse {
    pub id: i64,
    pub name: String,
    pub real_name: String,
    pub privileged: bool,
    pub superuser: bool,
}

/// `POST /REST/2.0/customfield`: a ticket custom field (Hushdesk's admin extension).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CustomFieldRequest {
    #[serde(rename = "Name")]
    pub name: String,
    /// Freeform, Select, Text, Date, DateTime, IPAddress, Autocomplete or Combobox.
    #[serde(rename = "Type", default = "default_cf_type")]
    pub kind: String,
    /// 1 for a single value, 0 for unlimited.
    #[serde(rename = "MaxValues", default = "one")]
    pub max_values: i32,
    #[serde(rename = "Description", default)]
    pub description: String,
    /// Allowed values of a Select field.
    #[serde(rename = "Values", default)]
    pub values: Vec<String>,
    /// Queue names or ids to apply the field to; none means every queue.
    #[serde(rename = "Queues", default)]
    pub queues: Vec<String>,
}

fn default_cf_type() -> String {
    "Freeform".into()
}

fn one() -> i32 {
    1
}

/// A custom field definition.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct CustomFieldResponse {
    #[serde(rename = "id")]
    pub id: i64,
    pub name: String,
    #[serde(rename = "Type")]
    pub kind: String,
    pub max_values: i32,
    pub lookup_type: String,
    pub description: String,
    pub disabled: String,
    pub values: Vec<String>,
}

/// `POST`/`DELETE /REST/2.0/acl`: grant or revoke a right (Hushdesk's admin extension).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AceRequest {
    /// `User`, `Group` or `Role`.
    pub principal_type: String,
    /// User or group name/id, or role name (Owner, Requestor, Cc, AdminCc).
    pub principal: String,
    pub right: String,
    /// Queue name or id; absent for a system-wide grant.
    #[serde(default)]
    pub queue: Option<String>,
}

/// An access control entry.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AceResponse {
    pub id: i64,
    pub principal_type: String,
    pub principal_id: i64,
    pub role: String,
    pub right: String,
    pub object_type: String,
    pub object_id: i64,
}

/// `POST /REST/2.0/group`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GroupRequest {
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "Description", default)]
    pub description: String,
    /// User names or ids to add as members.
    #[serde(rename = "Members", default)]
    pub members: Vec<String>,
}

/// A group.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GroupResponse {
    pub id: i64,
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "Description")]
    pub description: String,
    #[serde(rename = "Domain")]
    pub domain: String,
    #[serde(rename = "Members")]
    pub members: Vec<RecordRef>,
}

/// `POST /REST/2.0/user/{id}/tokens`: a new API token.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TokenRequest {
    #[serde(rename = "Description", default)]
    pub description: String,
}

/// A token; `token` is shown only once, at creation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TokenResponse {
    pub id: i64,
    pub description: String,
    pub created: String,
    pub last_used: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}
