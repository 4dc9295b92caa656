from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HardwareMarkResponse")


@_attrs_define
class HardwareMarkResponse:
    """
    Attributes:
        created (str):
        id (int):
        key (str):
        kind (str):
        note (str):
        outcome (str):
        version (str):
        ticket (int | None | Unset):
    """

    created: str
    id: int
    key: str
    kind: str
    note: str
    outcome: str
    version: str
    ticket: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        id = self.id

        key = self.key

        kind = self.kind

        note = self.note

        outcome = self.outcome

        version = self.version

        ticket: int | None | Unset
        if isinstance(self.ticket, Unset):
            ticket = UNSET
        else:
            ticket = self.ticket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "id": id,
                "key": key,
                "kind": kind,
                "note": note,
                "outcome": outcome,
                "version": version,
            }
        )
        if ticket is not UNSET:
            field_dict["ticket"] = ticket

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        id = d.pop("id")

        key = d.pop("key")

        kind = d.pop("kind")

        note = d.pop("note")

        outcome = d.pop("outcome")

        version = d.pop("version")

        def _parse_ticket(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ticket = _parse_ticket(d.pop("ticket", UNSET))

        hardware_mark_response = cls(
            created=created,
            id=id,
            key=key,
            kind=kind,
            note=note,
            outcome=outcome,
            version=version,
            ticket=ticket,
        )

        hardware_mark_response.additional_properties = d
        return hardware_mark_response

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
