from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hyperlink import Hyperlink
    from ..models.record_ref import RecordRef


T = TypeVar("T", bound="AttachmentResponse")


@_attrs_define
class AttachmentResponse:
    """An attachment (a MIME part); `Content` is base64.

    Attributes:
        content (str):
        content_encoding (str):
        content_length (str):
        content_type (str):
        created (str):
        creator (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        headers (str):
        message_id (str):
        parent (RecordRef | str): An attachment's `Parent`: `"0"` for a top-level part, else a reference to the parent
            part.
        subject (str):
        transaction_id (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        field_hyperlinks (list[Hyperlink]):
        id (int):
        filename (None | str | Unset):
    """

    content: str
    content_encoding: str
    content_length: str
    content_type: str
    created: str
    creator: RecordRef
    headers: str
    message_id: str
    parent: RecordRef | str
    subject: str
    transaction_id: RecordRef
    field_hyperlinks: list[Hyperlink]
    id: int
    filename: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.record_ref import RecordRef  # noqa: PLC0415

        content = self.content

        content_encoding = self.content_encoding

        content_length = self.content_length

        content_type = self.content_type

        created = self.created

        creator = self.creator.to_dict()

        headers = self.headers

        message_id = self.message_id

        parent: dict[str, Any] | str
        if isinstance(self.parent, RecordRef):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        subject = self.subject

        transaction_id = self.transaction_id.to_dict()

        field_hyperlinks = []
        for field_hyperlinks_item_data in self.field_hyperlinks:
            field_hyperlinks_item = field_hyperlinks_item_data.to_dict()
            field_hyperlinks.append(field_hyperlinks_item)

        id = self.id

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Content": content,
                "ContentEncoding": content_encoding,
                "ContentLength": content_length,
                "ContentType": content_type,
                "Created": created,
                "Creator": creator,
                "Headers": headers,
                "MessageId": message_id,
                "Parent": parent,
                "Subject": subject,
                "TransactionId": transaction_id,
                "_hyperlinks": field_hyperlinks,
                "id": id,
            }
        )
        if filename is not UNSET:
            field_dict["Filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hyperlink import Hyperlink  # noqa: PLC0415
        from ..models.record_ref import RecordRef  # noqa: PLC0415

        d = dict(src_dict)
        content = d.pop("Content")

        content_encoding = d.pop("ContentEncoding")

        content_length = d.pop("ContentLength")

        content_type = d.pop("ContentType")

        created = d.pop("Created")

        creator = RecordRef.from_dict(d.pop("Creator"))

        headers = d.pop("Headers")

        message_id = d.pop("MessageId")

        def _parse_parent(data: object) -> RecordRef | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_attachment_parent_type_0 = RecordRef.from_dict(data)

                return componentsschemas_attachment_parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RecordRef | str, data)

        parent = _parse_parent(d.pop("Parent"))

        subject = d.pop("Subject")

        transaction_id = RecordRef.from_dict(d.pop("TransactionId"))

        field_hyperlinks = []
        _field_hyperlinks = d.pop("_hyperlinks")
        for field_hyperlinks_item_data in _field_hyperlinks:
            field_hyperlinks_item = Hyperlink.from_dict(field_hyperlinks_item_data)

            field_hyperlinks.append(field_hyperlinks_item)

        id = d.pop("id")

        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("Filename", UNSET))

        attachment_response = cls(
            content=content,
            content_encoding=content_encoding,
            content_length=content_length,
            content_type=content_type,
            created=created,
            creator=creator,
            headers=headers,
            message_id=message_id,
            parent=parent,
            subject=subject,
            transaction_id=transaction_id,
            field_hyperlinks=field_hyperlinks,
            id=id,
            filename=filename,
        )

        attachment_response.additional_properties = d
        return attachment_response

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
