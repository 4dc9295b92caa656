from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomFieldResponse")


@_attrs_define
class CustomFieldResponse:
    """A custom field definition.

    Attributes:
        description (str):
        disabled (str):
        lookup_type (str):
        max_values (int):
        name (str):
        type_ (str):
        values (list[str]):
        id (int):
    """

    description: str
    disabled: str
    lookup_type: str
    max_values: int
    name: str
    type_: str
    values: list[str]
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        disabled = self.disabled

        lookup_type = self.lookup_type

        max_values = self.max_values

        name = self.name

        type_ = self.type_

        values = self.values

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Description": description,
                "Disabled": disabled,
                "LookupType": lookup_type,
                "MaxValues": max_values,
                "Name": name,
                "Type": type_,
                "Values": values,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("Description")

        disabled = d.pop("Disabled")

        lookup_type = d.pop("LookupType")

        max_values = d.pop("MaxValues")

        name = d.pop("Name")

        type_ = d.pop("Type")

        values = cast(list[str], d.pop("Values"))

        id = d.pop("id")

        custom_field_response = cls(
            description=description,
            disabled=disabled,
            lookup_type=lookup_type,
            max_values=max_values,
            name=name,
            type_=type_,
            values=values,
            id=id,
        )

        custom_field_response.additional_properties = d
        return custom_field_response

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
