from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.version_outcome import VersionOutcome


T = TypeVar("T", bound="DeviceResponse")


@_attrs_define
class DeviceResponse:
    """
    Attributes:
        key (str):
        kind (str):
        name (str):
        reports (int): Reports that mention the device.
        roles (list[str]):
        versions (list[VersionOutcome]): Newest version first.
    """

    key: str
    kind: str
    name: str
    reports: int
    roles: list[str]
    versions: list[VersionOutcome]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        kind = self.kind

        name = self.name

        reports = self.reports

        roles = self.roles

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "name": name,
                "reports": reports,
                "roles": roles,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.version_outcome import VersionOutcome  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        kind = d.pop("kind")

        name = d.pop("name")

        reports = d.pop("reports")

        roles = cast(list[str], d.pop("roles"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = VersionOutcome.from_dict(versions_item_data)

            versions.append(versions_item)

        device_response = cls(
            key=key,
            kind=kind,
            name=name,
            reports=reports,
            roles=roles,
            versions=versions,
        )

        device_response.additional_properties = d
        return device_response

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
