from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AbuseMarkResponse")


@_attrs_define
class AbuseMarkResponse:
    """`POST /REST/2.0/ticket/{id}/abusive`: a supporter marks the ticket's requestors abusive.

    Attributes:
        flagged (bool): Whether the ticket is now flagged.
        marked (int): Requestors marked.
    """

    flagged: bool
    marked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flagged = self.flagged

        marked = self.marked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flagged": flagged,
                "marked": marked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        flagged = d.pop("flagged")

        marked = d.pop("marked")

        abuse_mark_response = cls(
            flagged=flagged,
            marked=marked,
        )

        abuse_mark_response.additional_properties = d
        return abuse_mark_response

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
