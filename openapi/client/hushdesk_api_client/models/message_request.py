from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inline_attachment import InlineAttachment
    from ..models.message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0


T = TypeVar("T", bound="MessageRequest")


@_attrs_define
class MessageRequest:
    """`POST /REST/2.0/ticket/{id}/correspond` and `/comment`.

    Attributes:
        attachments (list[InlineAttachment] | None | Unset):
        content (None | str | Unset):
        content_type (None | str | Unset):
        custom_fields (MessageRequestCustomFieldsType0 | None | Unset):
        status (None | str | Unset):
        subject (None | str | Unset):
        time_taken (int | None | str | Unset):
    """

    attachments: list[InlineAttachment] | None | Unset = UNSET
    content: None | str | Unset = UNSET
    content_type: None | str | Unset = UNSET
    custom_fields: MessageRequestCustomFieldsType0 | None | Unset = UNSET
    status: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    time_taken: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0  # noqa: PLC0415

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
        elif isinstance(self.custom_fields, MessageRequestCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

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

        time_taken: int | None | str | Unset
        if isinstance(self.time_taken, Unset):
            time_taken = UNSET
        else:
            time_taken = self.time_taken

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attachments is not UNSET:
            field_dict["Attachments"] = attachments
        if content is not UNSET:
            field_dict["Content"] = content
        if content_type is not UNSET:
            field_dict["ContentType"] = content_type
        if custom_fields is not UNSET:
            field_dict["CustomFields"] = custom_fields
        if status is not UNSET:
            field_dict["Status"] = status
        if subject is not UNSET:
            field_dict["Subject"] = subject
        if time_taken is not UNSET:
            field_dict["TimeTaken"] = time_taken

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inline_attachment import InlineAttachment  # noqa: PLC0415
        from ..models.message_request_custom_fields_type_0 import MessageRequestCustomFieldsType0  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_custom_fields(data: object) -> MessageRequestCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = MessageRequestCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageRequestCustomFieldsType0 | None | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("CustomFields", UNSET))

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

        def _parse_time_taken(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        time_taken = _parse_time_taken(d.pop("TimeTaken", UNSET))

        message_request = cls(
            attachments=attachments,
            content=content,
            content_type=content_type,
            custom_fields=custom_fields,
            status=status,
            subject=subject,
            time_taken=time_taken,
        )

        message_request.additional_properties = d
        return message_request

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
