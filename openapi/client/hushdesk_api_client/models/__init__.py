"""Contains all the data models used in inputs/outputs"""

from .ace_request import AceRequest
from .ace_response import AceResponse
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
from .hyperlink import Hyperlink
from .inline_attachment import InlineAttachment
from .login_request import LoginRequest
from .message_request import MessageRequest
from .message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0
from .queue_request import QueueRequest
from .queue_response import QueueResponse
from .record_ref import RecordRef
from .rt_info import RtInfo
from .search_clause import SearchClause
from .session_response import SessionResponse
from .snippet_piece import SnippetPiece
from .ticket_response import TicketResponse
from .token_request import TokenRequest
from .token_response import TokenResponse
from .transaction_response import TransactionResponse
from .update_ticket_request import UpdateTicketRequest
from .update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0
from .user_fields import UserFields
from .user_response import UserResponse

__all__ = (
    "AceRequest",
    "AceResponse",
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
    "Hyperlink",
    "InlineAttachment",
    "LoginRequest",
    "MessageRequest",
    "MessageRequestCustomFieldsType0",
    "QueueRequest",
    "QueueResponse",
    "RecordRef",
    "RtInfo",
    "SearchClause",
    "SessionResponse",
    "SnippetPiece",
    "TicketResponse",
    "TokenRequest",
    "TokenResponse",
    "TransactionResponse",
    "UpdateTicketRequest",
    "UpdateTicketRequestCustomFieldsType0",
    "UserFields",
    "UserResponse",
)
