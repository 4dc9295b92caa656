from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TopBug")


@_attrs_define
class TopBug:
    """
    Attributes:
        id (int):
        rank (int):
        requestors (int):
        status (str):
        tickets (int):
        title (str):
    """

    id: int
    rank: int
    requestors: int
    status: str
    tickets: int
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        rank = self.rank

        requestors = self.requestors

        status = self.status

        tickets = self.tickets

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rank": rank,
                "requestors": requestors,
                "status": status,
                "tickets": tickets,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        rank = d.pop("rank")

        requestors = d.pop("requestors")

        status = d.pop("status")

        tickets = d.pop("tickets")

        title = d.pop("title")

        top_bug = cls(
            id=id,
            rank=rank,
            requestors=requestors,
            status=status,
            tickets=tickets,
            title=title,
        )

        top_bug.additional_properties = d
        return top_bug

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
