from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestResponse")


@_attrs_define
class IngestResponse:
    """`POST /REST/2.0/whisperback`: what became of an ingested report.

    Attributes:
        duplicate (bool): The report id was already ingested: nothing new was stored.
        queue (str): Name of the queue the ticket is in.
        report (int): The stored report's row id.
        ticket (int): The ticket holding the report.
        language (None | str | Unset): ISO 639-1 language detected in the user's text.
        report_id (None | str | Unset): WhisperBack report id (hex), from the subject or the body's MIME headers.
    """

    duplicate: bool
    queue: str
    report: int
    ticket: int
    language: None | str | Unset = UNSET
    report_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duplicate = self.duplicate

        queue = self.queue

        report = self.report

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "duplicate": duplicate,
                "queue": queue,
                "report": report,
                "ticket": ticket,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if report_id is not UNSET:
            field_dict["report_id"] = report_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duplicate = d.pop("duplicate")

        queue = d.pop("queue")

        report = d.pop("report")

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

        ingest_response = cls(
            duplicate=duplicate,
            queue=queue,
            report=report,
            ticket=ticket,
            language=language,
            report_id=report_id,
        )

        ingest_response.additional_properties = d
        return ingest_response

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
