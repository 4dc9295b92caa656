from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportDevice")


@_attrs_define
class ReportDevice:
    """A device a report mentions, keyed by identity.

    Attributes:
        key (str): `LENOVO ThinkPad T480`, `8086:3ea0`, `0781:5591`.
        kind (str): `model` (laptop model key), `pci` (vendor:device) or `usb` (vendor:product).
        name (str):
        role (str): `machine`, `gpu`, `wifi` or `usb_stick`.
        driver (None | str | Unset):
    """

    key: str
    kind: str
    name: str
    role: str
    driver: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        kind = self.kind

        name = self.name

        role = self.role

        driver: None | str | Unset
        if isinstance(self.driver, Unset):
            driver = UNSET
        else:
            driver = self.driver

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "name": name,
                "role": role,
            }
        )
        if driver is not UNSET:
            field_dict["driver"] = driver

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        kind = d.pop("kind")

        name = d.pop("name")

        role = d.pop("role")

        def _parse_driver(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        driver = _parse_driver(d.pop("driver", UNSET))

        report_device = cls(
            key=key,
            kind=kind,
            name=name,
            role=role,
            driver=driver,
        )

        report_device.additional_properties = d
        return report_device

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
