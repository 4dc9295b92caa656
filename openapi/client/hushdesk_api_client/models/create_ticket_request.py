from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0
    from ..models.inline_attachment import InlineAttachment


T = TypeVar("T", bound="CreateTicketRequest")


@_attrs_define
class CreateTicketRequest:
    """`POST /REST/2.0/ticket` (JSON, or the `JSON` part of a multipart request).
    Fields beyond these follow RT (Starts, Due, TimeEstimated…).

        Attributes:
            queue (int | str): A name or a number: RT accepts a queue as `"General"` or `1`, a priority as `"10"` or `10`.
                Only describes the wire (the server reads these fields as JSON values).
            admin_cc (list[str] | None | str | Unset):
            attachments (list[InlineAttachment] | None | Unset):
            cc (list[str] | None | str | Unset):
            content (None | str | Unset):
            content_type (None | str | Unset):
            custom_fields (CreateTicketRequestCustomFieldsType0 | None | Unset): Values by custom field name: a string or a
                list of strings.
            owner (None | str | Unset):
            priority (int | None | str | Unset):
            requestor (list[str] | None | str | Unset):
            status (None | str | Unset):
            subject (None | str | Unset):
    """

    queue: int | str
    admin_cc: list[str] | None | str | Unset = UNSET
    attachments: list[InlineAttachment] | None | Unset = UNSET
    cc: list[str] | None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    content_type: None | str | Unset = UNSET
    custom_fields: CreateTicketRequestCustomFieldsType0 | None | Unset = UNSET
    owner: None | str | Unset = UNSET
    priority: int | None | str | Unset = UNSET
    requestor: list[str] | None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0  # noqa: PLC0415

        queue: int | str
        queue = self.queue

        admin_cc: list[str] | None | str | Unset
        if isinstance(self.admin_cc, Unset):
            admin_cc = UNSET
        elif isinstance(self.admin_cc, list):
            admin_cc = self.admin_cc

        else:
            admin_cc = self.admin_cc

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        cc: list[str] | None | str | Unset
        if isinstance(self.cc, Unset):
            cc = UNSET
        elif isinstance(self.cc, list):
            cc = self.cc

        else:
            cc = self.cc

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        content_type: None | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        else:
            content_type = self.content_type

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(self.custom_fields, CreateTicketRequestCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        priority: int | None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        requestor: list[str] | None | str | Unset
        if isinstance(self.requestor, Unset):
            requestor = UNSET
        elif isinstance(self.requestor, list):
            requestor = self.requestor

        else:
            requestor = self.requestor

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Queue": queue,
            }
        )
        if admin_cc is not UNSET:
            field_dict["AdminCc"] = admin_cc
        if attachments is not UNSET:
            field_dict["Attachments"] = attachments
        if cc is not UNSET:
            field_dict["Cc"] = cc
        if content is not UNSET:
            field_dict["Content"] = content
        if content_type is not UNSET:
            field_dict["ContentType"] = content_type
        if custom_fields is not UNSET:
            field_dict["CustomFields"] = custom_fields
        if owner is not UNSET:
            field_dict["Owner"] = owner
        if priority is not UNSET:
            field_dict["Priority"] = priority
        if requestor is not UNSET:
            field_dict["Requestor"] = requestor
        if status is not UNSET:
            field_dict["Status"] = status
        if subject is not UNSET:
            field_dict["Subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_ticket_request_custom_fields_type_0 import CreateTicketRequestCustomFieldsType0  # noqa: PLC0415
        from ..models.inline_attachment import InlineAttachment  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_queue(data: object) -> int | str:
            return cast(int | str, data)

        queue = _parse_queue(d.pop("Queue"))

        def _parse_admin_cc(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        admin_cc = _parse_admin_cc(d.pop("AdminCc", UNSET))

        def _parse_attachments(data: object) -> list[InlineAttachment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in _attachments_type_0:
                    attachments_type_0_item = InlineAttachment.from_dict(attachments_type_0_item_data)

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InlineAttachment] | None | Unset, data)

        attachments = _parse_attachments(d.pop("Attachments", UNSET))

        def _parse_cc(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        cc = _parse_cc(d.pop("Cc", UNSET))

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("Content", UNSET))

        def _parse_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_type = _parse_content_type(d.pop("ContentType", UNSET))

        def _parse_custom_fields(data: object) -> CreateTicketRequestCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = CreateTicketRequestCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateTicketRequestCustomFieldsType0 | None | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("CustomFields", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("Owner", UNSET))

        def _parse_priority(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        priority = _parse_priority(d.pop("Priority", UNSET))

        def _parse_requestor(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        requestor = _parse_requestor(d.pop("Requestor", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("Subject", UNSET))

        create_ticket_request = cls(
            queue=queue,
            admin_cc=admin_cc,
            attachments=attachments,
            cc=cc,
            content=content,
            content_type=content_type,
            custom_fields=custom_fields,
            owner=owner,
            priority=priority,
            requestor=requestor,
            status=status,
            subject=subject,
        )

        create_ticket_request.additional_properties = d
        return create_ticket_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
