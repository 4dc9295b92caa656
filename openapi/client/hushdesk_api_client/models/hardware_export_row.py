from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HardwareExportRow")


@_attrs_define
class HardwareExportRow:
    """One line of the hardware export: a device's outcome on one version.

    Attributes:
        fails (int):
        key (str):
        kind (str):
        name (str):
        outcome (str):
        partial (int):
        roles (str):
        version (str):
        works (int):
    """

    fails: int
    key: str
    kind: str
    name: str
    outcome: str
    partial: int
    roles: str
    version: str
    works: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fails = self.fails

        key = self.key

        kind = self.kind

        name = self.name

        outcome = self.outcome

        partial = self.partial

        roles = self.roles

        version = self.version

        works = self.works

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fails": fails,
                "key": key,
                "kind": kind,
                "name": name,
                "outcome": outcome,
                "partial": partial,
                "roles": roles,
                "version": version,
                "works": works,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fails = d.pop("fails")

        key = d.pop("key")

        kind = d.pop("kind")

        name = d.pop("name")

        outcome = d.pop("outcome")

        partial = d.pop("partial")

        roles = d.pop("roles")

        version = d.pop("version")

        works = d.pop("works")

        hardware_export_row = cls(
            fails=fails,
            key=key,
            kind=kind,
            name=name,
            outcome=outcome,
            partial=partial,
            roles=roles,
            version=version,
            works=works,
        )

        hardware_export_row.additional_properties = d
        return hardware_export_row

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
