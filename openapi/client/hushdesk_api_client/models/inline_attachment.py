from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InlineAttachment")


@_attrs_define
class InlineAttachment:
    """An attachment given inline in JSON.

    Attributes:
        file_content (str): Base64 of the bytes.
        file_name (str):
        file_type (str | Unset):
    """

    file_content: str
    file_name: str
    file_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_content = self.file_content

        file_name = self.file_name

        file_type = self.file_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "FileContent": file_content,
                "FileName": file_name,
            }
        )
        if file_type is not UNSET:
            field_dict["FileType"] = file_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_content = d.pop("FileContent")

        file_name = d.pop("FileName")

        file_type = d.pop("FileType", UNSET)

        inline_attachment = cls(
            file_content=file_content,
            file_name=file_name,
            file_type=file_type,
        )

        inline_attachment.additional_properties = d
        return inline_attachment

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
