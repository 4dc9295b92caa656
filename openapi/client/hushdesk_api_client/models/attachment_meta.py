from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttachmentMeta")


@_attrs_define
class AttachmentMeta:
    """One attachment's description.

    Attributes:
        content_type (str):
        download_url (str): Download URL (`/REST/2.0/hushdesk/attachment/{id}/content`).
        filename (str):
        id (int):
        size (int):
    """

    content_type: str
    download_url: str
    filename: str
    id: int
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        download_url = self.download_url

        filename = self.filename

        id = self.id

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "download_url": download_url,
                "filename": filename,
                "id": id,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        download_url = d.pop("download_url")

        filename = d.pop("filename")

        id = d.pop("id")

        size = d.pop("size")

        attachment_meta = cls(
            content_type=content_type,
            download_url=download_url,
            filename=filename,
            id=id,
            size=size,
        )

        attachment_meta.additional_properties = d
        return attachment_meta

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
