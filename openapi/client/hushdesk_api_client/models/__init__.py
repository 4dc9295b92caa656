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
from .generate_key_request import GenerateKeyRequest
from .group_request import GroupRequest
from .group_response import GroupResponse
from .hyperlink import Hyperlink
from .import_key_request import ImportKeyRequest
from .inline_attachment import InlineAttachment
from .key_list import KeyList
from .key_response import KeyResponse
from .login_request import LoginRequest
from .message_request import MessageRequest
from .message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0
from .outbox_item import OutboxItem
from .outbox_list import OutboxList
from .queue_mail_settings import QueueMailSettings
from .queue_mail_settings_update import QueueMailSettingsUpdate
from .queue_request import QueueRequest
from .queue_response import QueueResponse
from .record_ref import RecordRef
from .rt_info import RtInfo
from .search_clause import SearchClause
from .session_response import SessionResponse
from .ticket_response import TicketResponse
from .token_request import TokenRequest
from .token_response import TokenResponse
from .transaction_open_pgp import TransactionOpenPgp
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
    "GenerateKeyRequest",
    "GroupRequest",
    "GroupResponse",
    "Hyperlink",
    "ImportKeyRequest",
    "InlineAttachment",
    "KeyList",
    "KeyResponse",
    "LoginRequest",
    "MessageRequest",
    "MessageRequestCustomFieldsType0",
    "OutboxItem",
    "OutboxList",
    "QueueMailSettings",
    "QueueMailSettingsUpdate",
    "QueueRequest",
    "QueueResponse",
    "RecordRef",
    "RtInfo",
    "SearchClause",
    "SessionResponse",
    "TicketResponse",
    "TokenRequest",
    "TokenResponse",
    "TransactionOpenPgp",
    "TransactionResponse",
    "UpdateTicketRequest",
    "UpdateTicketRequestCustomFieldsType0",
    "UserFields",
    "UserResponse",
)
