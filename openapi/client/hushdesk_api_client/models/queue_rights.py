from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueueRights")


@_attrs_define
class QueueRights:
    """Rights of the logged-in user on one queue (names of RT rights).

    Attributes:
        queue (str):
        queue_id (int):
        rights (list[str]):
    """

    queue: str
    queue_id: int
    rights: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue = self.queue

        queue_id = self.queue_id

        rights = self.rights

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queue": queue,
                "queue_id": queue_id,
                "rights": rights,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        queue = d.pop("queue")

        queue_id = d.pop("queue_id")

        rights = cast(list[str], d.pop("rights"))

        queue_rights = cls(
            queue=queue,
            queue_id=queue_id,
            rights=rights,
        )

        queue_rights.additional_properties = d
        return queue_rights

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
