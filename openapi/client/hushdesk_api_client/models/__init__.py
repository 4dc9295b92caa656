"""Contains all the data models used in inputs/outputs"""

from .abuse_mark_response import AbuseMarkResponse
from .ace_request import AceRequest
from .ace_response import AceResponse
from .attachment_response import AttachmentResponse
from .collection import Collection
from .create_ticket_request import CreateTicketRequest
from .create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0
from .custom_field_request import CustomFieldRequest
from .custom_field_response import CustomFieldResponse
from .custom_field_values import CustomFieldValues
from .erase_request import EraseRequest
from .error_body import ErrorBody
from .group_request import GroupRequest
from .group_response import GroupResponse
from .hyperlink import Hyperlink
from .inline_attachment import InlineAttachment
from .login_request import LoginRequest
from .message_request import MessageRequest
from .message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0
from .purge_counts import PurgeCounts
from .purge_counts_tickets import PurgeCountsTickets
from .queue_request import QueueRequest
from .queue_response import QueueResponse
from .queue_retention_policy import QueueRetentionPolicy
from .record_ref import RecordRef
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
from .ticket_response import TicketResponse
from .token_request import TokenRequest
from .token_response import TokenResponse
from .transaction_response import TransactionResponse
from .update_ticket_request import UpdateTicketRequest
from .update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0
from .user_fields import UserFields
from .user_response import UserResponse

__all__ = (
    "AbuseMarkResponse",
    "AceRequest",
    "AceResponse",
    "AttachmentResponse",
    "Collection",
    "CreateTicketRequest",
    "CreateTicketRequestCustomFieldsType0",
    "CustomFieldRequest",
    "CustomFieldResponse",
    "CustomFieldValues",
    "EraseRequest",
    "ErrorBody",
    "GroupRequest",
    "GroupResponse",
    "Hyperlink",
    "InlineAttachment",
    "LoginRequest",
    "MessageRequest",
    "MessageRequestCustomFieldsType0",
    "PurgeCounts",
    "PurgeCountsTickets",
    "QueueRequest",
    "QueueResponse",
    "QueueRetentionPolicy",
    "RecordRef",
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
    "TicketResponse",
    "TokenRequest",
    "TokenResponse",
    "TransactionResponse",
    "UpdateTicketRequest",
    "UpdateTicketRequestCustomFieldsType0",
    "UserFields",
    "UserResponse",
)
