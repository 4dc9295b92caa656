from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RecordRef")


@_attrs_define
class RecordRef:
    """A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.

    Attributes:
        field_url (str):
        id (str): Users by name, other records by numeric id, always as a string.
        type_ (str):
    """

    field_url: str
    id: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_url = self.field_url

        id = self.id

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_url": field_url,
                "id": id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_url = d.pop("_url")

        id = d.pop("id")

        type_ = d.pop("type")

        record_ref = cls(
            field_url=field_url,
            id=id,
            type_=type_,
        )

        record_ref.additional_properties = d
        return record_ref

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
