from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KnownIssueLinkResponse")


@_attrs_define
class KnownIssueLinkResponse:
    """Result of linking or unlinking a ticket.

    Attributes:
        changed (bool): `false` when the ticket already was (linking) or was not (unlinking) linked.
        known_issue (int):
        ticket (int):
    """

    changed: bool
    known_issue: int
    ticket: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        known_issue = self.known_issue

        ticket = self.ticket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "known_issue": known_issue,
                "ticket": ticket,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed = d.pop("changed")

        known_issue = d.pop("known_issue")

        ticket = d.pop("ticket")

        known_issue_link_response = cls(
            changed=changed,
            known_issue=known_issue,
            ticket=ticket,
        )

        known_issue_link_response.additional_properties = d
        return known_issue_link_response

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
