from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HardwareMarkRequest")


@_attrs_define
class HardwareMarkRequest:
    """A supporter's mark: "this device works/fails on that version".

    Attributes:
        key (str):
        kind (str):
        outcome (str): `works`, `fails` or `partial`.
        version (str):
        note (str | Unset):
        ticket (int | None | Unset): The ticket this knowledge comes from.
    """

    key: str
    kind: str
    outcome: str
    version: str
    note: str | Unset = UNSET
    ticket: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        kind = self.kind

        outcome = self.outcome

        version = self.version

        note = self.note

        ticket: int | None | Unset
        if isinstance(self.ticket, Unset):
            ticket = UNSET
        else:
            ticket = self.ticket

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "outcome": outcome,
                "version": version,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if ticket is not UNSET:
            field_dict["ticket"] = ticket

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        kind = d.pop("kind")

        outcome = d.pop("outcome")

        version = d.pop("version")

        note = d.pop("note", UNSET)

        def _parse_ticket(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ticket = _parse_ticket(d.pop("ticket", UNSET))

        hardware_mark_request = cls(
            key=key,
            kind=kind,
            outcome=outcome,
            version=version,
            note=note,
            ticket=ticket,
        )

        return hardware_mark_request
