from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AceResponse")


@_attrs_define
class AceResponse:
    """An access control entry.

    Attributes:
        id (int):
        object_id (int):
        object_type (str):
        principal_id (int):
        principal_type (str):
        right (str):
        role (str):
    """

    id: int
    object_id: int
    object_type: str
    principal_id: int
    principal_type: str
    right: str
    role: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_id = self.object_id

        object_type = self.object_type

        principal_id = self.principal_id

        principal_type = self.principal_type

        right = self.right

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object_id": object_id,
                "object_type": object_type,
                "principal_id": principal_id,
                "principal_type": principal_type,
                "right": right,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_id = d.pop("object_id")

        object_type = d.pop("object_type")

        principal_id = d.pop("principal_id")

        principal_type = d.pop("principal_type")

        right = d.pop("right")

        role = d.pop("role")

        ace_response = cls(
            id=id,
            object_id=object_id,
            object_type=object_type,
            principal_id=principal_id,
            principal_type=principal_type,
            right=right,
            role=role,
        )

        ace_response.additional_properties = d
        return ace_response

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
