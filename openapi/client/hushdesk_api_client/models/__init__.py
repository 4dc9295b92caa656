"""Contains all the data models used in inputs/outputs"""

from .ace_request import AceRequest
from .ace_response import AceResponse
from .answer import Answer
from .answer_list import AnswerList
from .answer_request import AnswerRequest
from .attachment_meta import AttachmentMeta
from .attachment_response import AttachmentResponse
from .collection import Collection
from .create_ticket_request import CreateTicketRequest
from .create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0
from .custom_field_request import CustomFieldRequest
from .custom_field_response import CustomFieldResponse
from .custom_field_values import CustomFieldValues
from .error_body import ErrorBody
from .full_text_hit import FullTextHit
from .full_text_response import FullTextResponse
from .group_request import GroupRequest
from .group_response import GroupResponse
from .handover_response import HandoverResponse
from .history_entry import HistoryEntry
from .hyperlink import Hyperlink
from .inline_attachment import InlineAttachment
from .link_entry import LinkEntry
from .login_request import LoginRequest
from .me_response import MeResponse
from .message_request import MessageRequest
from .message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0
from .open_pgp_status import OpenPgpStatus
from .person_ref import PersonRef
from .queue_counts import QueueCounts
from .queue_request import QueueRequest
from .queue_response import QueueResponse
from .queue_rights import QueueRights
from .record_ref import RecordRef
from .render_answer_request import RenderAnswerRequest
from .rendered_answer import RenderedAnswer
from .requester_details import RequesterDetails
from .rt_info import RtInfo
from .search_clause import SearchClause
from .session_response import SessionResponse
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
from .transaction_response import TransactionResponse
from .update_ticket_request import UpdateTicketRequest
from .update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0
from .user_fields import UserFields
from .user_response import UserResponse
from .view_counts import ViewCounts
from .view_name import ViewName
from .view_page import ViewPage

__all__ = (
    "AceRequest",
    "AceResponse",
    "Answer",
    "AnswerList",
    "AnswerRequest",
    "AttachmentMeta",
    "AttachmentResponse",
    "Collection",
    "CreateTicketRequest",
    "CreateTicketRequestCustomFieldsType0",
    "CustomFieldRequest",
    "CustomFieldResponse",
    "CustomFieldValues",
    "ErrorBody",
    "FullTextHit",
    "FullTextResponse",
    "GroupRequest",
    "GroupResponse",
    "HandoverResponse",
    "HistoryEntry",
    "Hyperlink",
    "InlineAttachment",
    "LinkEntry",
    "LoginRequest",
    "MeResponse",
    "MessageRequest",
    "MessageRequestCustomFieldsType0",
    "OpenPgpStatus",
    "PersonRef",
    "QueueCounts",
    "QueueRequest",
    "QueueResponse",
    "QueueRights",
    "RecordRef",
    "RenderAnswerRequest",
    "RenderedAnswer",
    "RequesterDetails",
    "RtInfo",
    "SearchClause",
    "SessionResponse",
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
    "TransactionResponse",
    "UpdateTicketRequest",
    "UpdateTicketRequestCustomFieldsType0",
    "UserFields",
    "UserResponse",
    "ViewCounts",
    "ViewName",
    "ViewPage",
)
