"""Contains all the data models used in inputs/outputs"""

from .ace_request import AceRequest
from .ace_response import AceResponse
from .attachment_response import AttachmentResponse
from .bug_specific_info import BugSpecificInfo
from .collection import Collection
from .create_ticket_request import CreateTicketRequest
from .create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0
from .custom_field_request import CustomFieldRequest
from .custom_field_response import CustomFieldResponse
from .custom_field_values import CustomFieldValues
from .device_report import DeviceReport
from .device_report_list import DeviceReportList
from .device_response import DeviceResponse
from .error_body import ErrorBody
<<<<<<< HEAD
from .full_text_hit import FullTextHit
from .full_text_response import FullTextResponse
=======
from .failing_device import FailingDevice
>>>>>>> wb
from .group_request import GroupRequest
from .group_response import GroupResponse
from .hardware_export_row import HardwareExportRow
from .hardware_mark_request import HardwareMarkRequest
from .hardware_mark_response import HardwareMarkResponse
from .hyperlink import Hyperlink
from .ingest_response import IngestResponse
from .inline_attachment import InlineAttachment
from .known_issue_link_response import KnownIssueLinkResponse
from .known_issue_list import KnownIssueList
from .known_issue_request import KnownIssueRequest
from .known_issue_response import KnownIssueResponse
from .linked_ticket import LinkedTicket
from .linked_ticket_list import LinkedTicketList
from .login_request import LoginRequest
from .message_request import MessageRequest
from .message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0
from .open_pgp_key_info import OpenPgpKeyInfo
from .queue_request import QueueRequest
from .queue_response import QueueResponse
from .record_ref import RecordRef
from .report_device import ReportDevice
from .rt_info import RtInfo
from .search_clause import SearchClause
from .session_response import SessionResponse
from .snippet_piece import SnippetPiece
from .ticket_response import TicketResponse
from .token_request import TokenRequest
from .token_response import TokenResponse
from .top_bug import TopBug
from .top_bugs_response import TopBugsResponse
from .top_failing_response import TopFailingResponse
from .transaction_response import TransactionResponse
from .update_ticket_request import UpdateTicketRequest
from .update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0
from .user_fields import UserFields
from .user_response import UserResponse
from .version_outcome import VersionOutcome
from .version_tally import VersionTally
from .whisperback_dashboard import WhisperbackDashboard
from .whisperback_report_response import WhisperbackReportResponse
from .whisperback_report_response_facts import WhisperbackReportResponseFacts
from .worked_response import WorkedResponse

__all__ = (
    "AceRequest",
    "AceResponse",
    "AttachmentResponse",
    "BugSpecificInfo",
    "Collection",
    "CreateTicketRequest",
    "CreateTicketRequestCustomFieldsType0",
    "CustomFieldRequest",
    "CustomFieldResponse",
    "CustomFieldValues",
    "DeviceReport",
    "DeviceReportList",
    "DeviceResponse",
    "ErrorBody",
<<<<<<< HEAD
    "FullTextHit",
    "FullTextResponse",
=======
    "FailingDevice",
>>>>>>> wb
    "GroupRequest",
    "GroupResponse",
    "HardwareExportRow",
    "HardwareMarkRequest",
    "HardwareMarkResponse",
    "Hyperlink",
    "IngestResponse",
    "InlineAttachment",
    "KnownIssueLinkResponse",
    "KnownIssueList",
    "KnownIssueRequest",
    "KnownIssueResponse",
    "LinkedTicket",
    "LinkedTicketList",
    "LoginRequest",
    "MessageRequest",
    "MessageRequestCustomFieldsType0",
    "OpenPgpKeyInfo",
    "QueueRequest",
    "QueueResponse",
    "RecordRef",
    "ReportDevice",
    "RtInfo",
    "SearchClause",
    "SessionResponse",
    "SnippetPiece",
    "TicketResponse",
    "TokenRequest",
    "TokenResponse",
    "TopBug",
    "TopBugsResponse",
    "TopFailingResponse",
    "TransactionResponse",
    "UpdateTicketRequest",
    "UpdateTicketRequestCustomFieldsType0",
    "UserFields",
    "UserResponse",
    "VersionOutcome",
    "VersionTally",
    "WhisperbackDashboard",
    "WhisperbackReportResponse",
    "WhisperbackReportResponseFacts",
    "WorkedResponse",
)
