from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.record_ref import RecordRef


T = TypeVar("T", bound="GroupResponse")


@_attrs_define
class GroupResponse:
    """A group.

    Attributes:
        description (str):
        domain (str):
        members (list[RecordRef]):
        name (str):
        id (int):
    """

    description: str
    domain: str
    members: list[RecordRef]
    name: str
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        domain = self.domain

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        name = self.name

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Description": description,
                "Domain": domain,
                "Members": members,
                "Name": name,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_ref import RecordRef  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("Description")

        domain = d.pop("Domain")

        members = []
        _members = d.pop("Members")
        for members_item_data in _members:
            members_item = RecordRef.from_dict(members_item_data)

            members.append(members_item)

        name = d.pop("Name")

        id = d.pop("id")

        group_response = cls(
            description=description,
            domain=domain,
            members=members,
            name=name,
            id=id,
        )

        group_response.additional_properties = d
        return group_response

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
