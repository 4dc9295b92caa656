from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomFieldRequest")


@_attrs_define
class CustomFieldRequest:
    """`POST /REST/2.0/customfield`: a ticket custom field (Hushdesk's admin extension).

    Attributes:
        name (str):
        description (str | Unset):
        max_values (int | Unset): 1 for a single value, 0 for unlimited.
        queues (list[str] | Unset): Queue names or ids to apply the field to; none means every queue.
        type_ (str | Unset): Freeform, Select, Text, Date, DateTime, IPAddress, Autocomplete or Combobox.
        values (list[str] | Unset): Allowed values of a Select field.
    """

    name: str
    description: str | Unset = UNSET
    max_values: int | Unset = UNSET
    queues: list[str] | Unset = UNSET
    type_: str | Unset = UNSET
    values: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        max_values = self.max_values

        queues: list[str] | Unset = UNSET
        if not isinstance(self.queues, Unset):
            queues = self.queues

        type_ = self.type_

        values: list[str] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if max_values is not UNSET:
            field_dict["MaxValues"] = max_values
        if queues is not UNSET:
            field_dict["Queues"] = queues
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if values is not UNSET:
            field_dict["Values"] = values

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name")

        description = d.pop("Description", UNSET)

        max_values = d.pop("MaxValues", UNSET)

        queues = cast(list[str], d.pop("Queues", UNSET))

        type_ = d.pop("Type", UNSET)

        values = cast(list[str], d.pop("Values", UNSET))

        custom_field_request = cls(
            name=name,
            description=description,
            max_values=max_values,
            queues=queues,
            type_=type_,
            values=values,
        )

        custom_field_request.additional_properties = d
        return custom_field_request

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
