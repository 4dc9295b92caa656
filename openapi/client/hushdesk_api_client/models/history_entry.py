from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment_meta import AttachmentMeta
    from ..models.open_pgp_status import OpenPgpStatus
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """One history entry with its message, ready to show.

    Attributes:
        attachments (list[AttachmentMeta]): Files (non-body parts).
        created (str):
        creator (PersonRef): A user as the app shows them.
        description (str): One line, as RT describes the change ("Status changed from 'new' to 'open'").
        id (int):
        type_ (str): RT's transaction type: Create, Correspond, Comment, Status, Set, SetWatcher,
            AddLink, DeleteLink, AddWatcher, DelWatcher, CustomField, EmailRecord, CommentEmailRecord, …
        field (None | str | Unset):
        html (None | str | Unset): The HTML part, sanitized (ammonia) — safe to insert as HTML.
        new_value (None | str | Unset):
        old_value (None | str | Unset):
        openpgp (None | OpenPgpStatus | Unset):
        text (None | str | Unset): Plain text of the message (text/plain part, else the HTML part's text).
    """

    attachments: list[AttachmentMeta]
    created: str
    creator: PersonRef
    description: str
    id: int
    type_: str
    field: None | str | Unset = UNSET
    html: None | str | Unset = UNSET
    new_value: None | str | Unset = UNSET
    old_value: None | str | Unset = UNSET
    openpgp: None | OpenPgpStatus | Unset = UNSET
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.open_pgp_status import OpenPgpStatus  # noqa: PLC0415

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        created = self.created

        creator = self.creator.to_dict()

        description = self.description

        id = self.id

        type_ = self.type_

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        new_value: None | str | Unset
        if isinstance(self.new_value, Unset):
            new_value = UNSET
        else:
            new_value = self.new_value

        old_value: None | str | Unset
        if isinstance(self.old_value, Unset):
            old_value = UNSET
        else:
            old_value = self.old_value

        openpgp: dict[str, Any] | None | Unset
        if isinstance(self.openpgp, Unset):
            openpgp = UNSET
        elif isinstance(self.openpgp, OpenPgpStatus):
            openpgp = self.openpgp.to_dict()
        else:
            openpgp = self.openpgp

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachments": attachments,
                "created": created,
                "creator": creator,
                "description": description,
                "id": id,
                "type": type_,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field
        if html is not UNSET:
            field_dict["html"] = html
        if new_value is not UNSET:
            field_dict["new_value"] = new_value
        if old_value is not UNSET:
            field_dict["old_value"] = old_value
        if openpgp is not UNSET:
            field_dict["openpgp"] = openpgp
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_meta import AttachmentMeta  # noqa: PLC0415
        from ..models.open_pgp_status import OpenPgpStatus  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = AttachmentMeta.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        created = d.pop("created")

        creator = PersonRef.from_dict(d.pop("creator"))

        description = d.pop("description")

        id = d.pop("id")

        type_ = d.pop("type")

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_new_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_value = _parse_new_value(d.pop("new_value", UNSET))

        def _parse_old_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        old_value = _parse_old_value(d.pop("old_value", UNSET))

        def _parse_openpgp(data: object) -> None | OpenPgpStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                openpgp_type_1 = OpenPgpStatus.from_dict(data)

                return openpgp_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenPgpStatus | Unset, data)

        openpgp = _parse_openpgp(d.pop("openpgp", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        history_entry = cls(
            attachments=attachments,
            created=created,
            creator=creator,
            description=description,
            id=id,
            type_=type_,
            field=field,
            html=html,
            new_value=new_value,
            old_value=old_value,
            openpgp=openpgp,
            text=text,
        )

        history_entry.additional_properties = d
        return history_entry

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
