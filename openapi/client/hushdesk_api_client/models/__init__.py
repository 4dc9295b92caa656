"""Contains all the data models used in inputs/outputs"""

from .abuse_mark_response import AbuseMarkResponse
from .ace_request import AceRequest
from .ace_response import AceResponse
from .answer import Answer
from .answer_list import AnswerList
from .answer_request import AnswerRequest
from .attachment_meta import AttachmentMeta
from .attachment_response import AttachmentResponse
from .bug_specific_info import BugSpecificInfo
from .collection import Collection
from .contact_back_language import ContactBackLanguage
from .contact_back_reply import ContactBackReply
from .contact_back_request import ContactBackRequest
from .contact_back_response import ContactBackResponse
from .contact_back_skip import ContactBackSkip
from .create_ticket_request import CreateTicketRequest
from .create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0
from .custom_field_request import CustomFieldRequest
from .custom_field_response import CustomFieldResponse
from .custom_field_values import CustomFieldValues
from .device_report import DeviceReport
from .device_report_list import DeviceReportList
from .device_response import DeviceResponse
from .erase_request import EraseRequest
from .error_body import ErrorBody
from .failing_device import FailingDevice
from .full_text_hit import FullTextHit
from .full_text_response import FullTextResponse
from .generate_key_request import GenerateKeyRequest
from .group_request import GroupRequest
from .group_response import GroupResponse
from .handover_response import HandoverResponse
from .hardware_export_row import HardwareExportRow
from .hardware_mark_request import HardwareMarkRequest
from .hardware_mark_response import HardwareMarkResponse
from .history_entry import HistoryEntry
from .hyperlink import Hyperlink
from .import_key_request import ImportKeyRequest
from .ingest_response import IngestResponse
from .inline_attachment import InlineAttachment
from .key_list import KeyList
from .key_response import KeyResponse
from .known_issue_link_response import KnownIssueLinkResponse
from .known_issue_list import KnownIssueList
from .known_issue_request import KnownIssueRequest
from .known_issue_response import KnownIssueResponse
from .link_entry import LinkEntry
from .linked_ticket import LinkedTicket
from .linked_ticket_list import LinkedTicketList
from .login_request import LoginRequest
from .me_response import MeResponse
from .message_request import MessageRequest
from .message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0
from .open_pgp_key_info import OpenPgpKeyInfo
from .open_pgp_status import OpenPgpStatus
from .outbox_item import OutboxItem
from .outbox_list import OutboxList
from .person_ref import PersonRef
from .purge_counts import PurgeCounts
from .purge_counts_tickets import PurgeCountsTickets
from .queue_counts import QueueCounts
from .queue_mail_settings import QueueMailSettings
from .queue_mail_settings_update import QueueMailSettingsUpdate
from .queue_request import QueueRequest
from .queue_response import QueueResponse
from .queue_retention_policy import QueueRetentionPolicy
from .queue_rights import QueueRights
from .record_ref import RecordRef
from .render_answer_request import RenderAnswerRequest
from .rendered_answer import RenderedAnswer
from .report_device import ReportDevice
from .requester_details import RequesterDetails
from .retention_policies import RetentionPolicies
from .retention_receipt import RetentionReceipt
from .retention_receipts import RetentionReceipts
from .retention_rule import RetentionRule
from .rt_info import RtInfo
from .run_retention_request import RunRetentionRequest
from .search_clause import SearchClause
from .session_response import SessionResponse
from .set_retention_request import SetRetentionRequest
from .set_retention_rule import SetRetentionRule
from .sidebar_response import SidebarResponse
from .snippet_piece import SnippetPiece
from .stats_kind import StatsKind
from .stats_point import StatsPoint
from .stats_response import StatsResponse
from .stats_series import StatsSeries
from .supporter_activity import SupporterActivity
from .ticket_page import TicketPage
from .ticket_response import TicketResponse
from .ticket_summary import TicketSummary
from .token_request import TokenRequest
from .token_response import TokenResponse
from .top_bug import TopBug
from .top_bugs_response import TopBugsResponse
from .top_failing_response import TopFailingResponse
from .transaction_open_pgp import TransactionOpenPgp
from .transaction_response import TransactionResponse
from .update_ticket_request import UpdateTicketRequest
from .update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0
from .user_fields import UserFields
from .user_response import UserResponse
from .version_outcome import VersionOutcome
from .version_tally import VersionTally
from .view_counts import ViewCounts
from .view_name import ViewName
from .view_page import ViewPage
from .whisperback_dashboard import WhisperbackDashboard
from .whisperback_report_response import WhisperbackReportResponse
from .whisperback_report_response_facts import WhisperbackReportResponseFacts
from .worked_response import WorkedResponse

__all__ = (
    "AbuseMarkResponse",
    "AceRequest",
    "AceResponse",
    "Answer",
    "AnswerList",
    "AnswerRequest",
    "AttachmentMeta",
    "AttachmentResponse",
    "BugSpecificInfo",
    "Collection",
    "ContactBackLanguage",
    "ContactBackReply",
    "ContactBackRequest",
    "ContactBackResponse",
    "ContactBackSkip",
    "CreateTicketRequest",
    "CreateTicketRequestCustomFieldsType0",
    "CustomFieldRequest",
    "CustomFieldResponse",
    "CustomFieldValues",
    "DeviceReport",
    "DeviceReportList",
    "DeviceResponse",
    "EraseRequest",
    "ErrorBody",
    "FailingDevice",
    "FullTextHit",
    "FullTextResponse",
    "GenerateKeyRequest",
    "GroupRequest",
    "GroupResponse",
    "HandoverResponse",
    "HardwareExportRow",
    "HardwareMarkRequest",
    "HardwareMarkResponse",
    "HistoryEntry",
    "Hyperlink",
    "ImportKeyRequest",
    "IngestResponse",
    "InlineAttachment",
    "KeyList",
    "KeyResponse",
    "KnownIssueLinkResponse",
    "KnownIssueList",
    "KnownIssueRequest",
    "KnownIssueResponse",
    "LinkedTicket",
    "LinkedTicketList",
    "LinkEntry",
    "LoginRequest",
    "MeResponse",
    "MessageRequest",
    "MessageRequestCustomFieldsType0",
    "OpenPgpKeyInfo",
    "OpenPgpStatus",
    "OutboxItem",
    "OutboxList",
    "PersonRef",
    "PurgeCounts",
    "PurgeCountsTickets",
    "QueueCounts",
    "QueueMailSettings",
    "QueueMailSettingsUpdate",
    "QueueRequest",
    "QueueResponse",
    "QueueRetentionPolicy",
    "QueueRights",
    "RecordRef",
    "RenderAnswerRequest",
    "RenderedAnswer",
    "ReportDevice",
    "RequesterDetails",
    "RetentionPolicies",
    "RetentionReceipt",
    "RetentionReceipts",
    "RetentionRule",
    "RtInfo",
    "RunRetentionRequest",
    "SearchClause",
    "SessionResponse",
    "SetRetentionRequest",
    "SetRetentionRule",
    "SidebarResponse",
    "SnippetPiece",
    "StatsKind",
    "StatsPoint",
    "StatsResponse",
    "StatsSeries",
    "SupporterActivity",
    "TicketPage",
    "TicketResponse",
    "TicketSummary",
    "TokenRequest",
    "TokenResponse",
    "TopBug",
    "TopBugsResponse",
    "TopFailingResponse",
    "TransactionOpenPgp",
    "TransactionResponse",
    "UpdateTicketRequest",
    "UpdateTicketRequestCustomFieldsType0",
    "UserFields",
    "UserResponse",
    "VersionOutcome",
    "VersionTally",
    "ViewCounts",
    "ViewName",
    "ViewPage",
    "WhisperbackDashboard",
    "WhisperbackReportResponse",
    "WhisperbackReportResponseFacts",
    "WorkedResponse",
)
