from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkedTicket")


@_attrs_define
class LinkedTicket:
    """A ticket linked to a known issue.

    Attributes:
        linked_at (str):
        queue (str):
        status (str):
        subject (str):
        ticket (int):
        language (None | str | Unset):
        report_id (None | str | Unset):
        tails_version (None | str | Unset):
    """

    linked_at: str
    queue: str
    status: str
    subject: str
    ticket: int
    language: None | str | Unset = UNSET
    report_id: None | str | Unset = UNSET
    tails_version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        linked_at = self.linked_at

        queue = self.queue

        status = self.status

        subject = self.subject

        ticket = self.ticket

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        report_id: None | str | Unset
        if isinstance(self.report_id, Unset):
            report_id = UNSET
        else:
            report_id = self.report_id

        tails_version: None | str | Unset
        if isinstance(self.tails_version, Unset):
            tails_version = UNSET
        else:
            tails_version = self.tails_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "linked_at": linked_at,
                "queue": queue,
                "status": status,
                "subject": subject,
                "ticket": ticket,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if report_id is not UNSET:
            field_dict["report_id"] = report_id
        if tails_version is not UNSET:
            field_dict["tails_version"] = tails_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        linked_at = d.pop("linked_at")

        queue = d.pop("queue")

        status = d.pop("status")

        subject = d.pop("subject")

        ticket = d.pop("ticket")

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_report_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_id = _parse_report_id(d.pop("report_id", UNSET))

        def _parse_tails_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tails_version = _parse_tails_version(d.pop("tails_version", UNSET))

        linked_ticket = cls(
            linked_at=linked_at,
            queue=queue,
            status=status,
            subject=subject,
            ticket=ticket,
            language=language,
            report_id=report_id,
            tails_version=tails_version,
        )

        linked_ticket.additional_properties = d
        return linked_ticket

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
