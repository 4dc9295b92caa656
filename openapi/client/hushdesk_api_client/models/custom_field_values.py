from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomFieldValues")


@_attrs_define
class CustomFieldValues:
    """A custom field with its values, as in a ticket's `CustomFields`.

    Attributes:
        field_url (str):
        id (str):
        name (str):
        type_ (str):
        values (list[str]):
    """

    field_url: str
    id: str
    name: str
    type_: str
    values: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_url = self.field_url

        id = self.id

        name = self.name

        type_ = self.type_

        values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_url": field_url,
                "id": id,
                "name": name,
                "type": type_,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_url = d.pop("_url")

        id = d.pop("id")

        name = d.pop("name")

        type_ = d.pop("type")

        values = cast(list[str], d.pop("values"))

        custom_field_values = cls(
            field_url=field_url,
            id=id,
            name=name,
            type_=type_,
            values=values,
        )

        custom_field_values.additional_properties = d
        return custom_field_values

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
