from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceReport")


@_attrs_define
class DeviceReport:
    """
    Attributes:
        created (str):
        name (str):
        role (str):
        ticket (int):
        report_id (None | str | Unset):
        tails_version (None | str | Unset):
    """

    created: str
    name: str
    role: str
    ticket: int
    report_id: None | str | Unset = UNSET
    tails_version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        name = self.name

        role = self.role

        ticket = self.ticket

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
                "created": created,
                "name": name,
                "role": role,
                "ticket": ticket,
            }
        )
        if report_id is not UNSET:
            field_dict["report_id"] = report_id
        if tails_version is not UNSET:
            field_dict["tails_version"] = tails_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        name = d.pop("name")

        role = d.pop("role")

        ticket = d.pop("ticket")

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

        device_report = cls(
            created=created,
            name=name,
            role=role,
            ticket=ticket,
            report_id=report_id,
            tails_version=tails_version,
        )

        device_report.additional_properties = d
        return device_report

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
