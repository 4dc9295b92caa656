from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ViewCounts")


@_attrs_define
class ViewCounts:
    """`GET /REST/2.0/hushdesk/view-counts`: how many tickets each view holds.

    Attributes:
        mine (int):
        needs_answer (int):
        unowned (int):
    """

    mine: int
    needs_answer: int
    unowned: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mine = self.mine

        needs_answer = self.needs_answer

        unowned = self.unowned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mine": mine,
                "needs_answer": needs_answer,
                "unowned": unowned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mine = d.pop("mine")

        needs_answer = d.pop("needs_answer")

        unowned = d.pop("unowned")

        view_counts = cls(
            mine=mine,
            needs_answer=needs_answer,
            unowned=unowned,
        )

        view_counts.additional_properties = d
        return view_counts

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
