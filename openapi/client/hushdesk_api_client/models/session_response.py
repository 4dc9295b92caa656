from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SessionResponse")


@_attrs_define
class SessionResponse:
    """Who is logged in.

    Attributes:
        id (int):
        name (str):
        privileged (bool):
        real_name (str):
        superuser (bool):
    """

    id: int
    name: str
    privileged: bool
    real_name: str
    superuser: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        privileged = self.privileged

        real_name = self.real_name

        superuser = self.superuser

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "privileged": privileged,
                "real_name": real_name,
                "superuser": superuser,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        privileged = d.pop("privileged")

        real_name = d.pop("real_name")

        superuser = d.pop("superuser")

        session_response = cls(
            id=id,
            name=name,
            privileged=privileged,
            real_name=real_name,
            superuser=superuser,
        )

        session_response.additional_properties = d
        return session_response

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
