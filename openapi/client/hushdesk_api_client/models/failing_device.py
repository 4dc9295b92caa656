from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FailingDevice")


@_attrs_define
class FailingDevice:
    """
    Attributes:
        fails (int):
        key (str):
        kind (str):
        name (str):
        partial (int):
        rank (int):
        role (str):
        versions (list[str]): Distinct Tails versions on which it failed.
        works (int):
    """

    fails: int
    key: str
    kind: str
    name: str
    partial: int
    rank: int
    role: str
    versions: list[str]
    works: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fails = self.fails

        key = self.key

        kind = self.kind

        name = self.name

        partial = self.partial

        rank = self.rank

        role = self.role

        versions = self.versions

        works = self.works

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fails": fails,
                "key": key,
                "kind": kind,
                "name": name,
                "partial": partial,
                "rank": rank,
                "role": role,
                "versions": versions,
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

        partial = d.pop("partial")

        rank = d.pop("rank")

        role = d.pop("role")

        versions = cast(list[str], d.pop("versions"))

        works = d.pop("works")

        failing_device = cls(
            fails=fails,
            key=key,
            kind=kind,
            name=name,
            partial=partial,
            rank=rank,
            role=role,
            versions=versions,
            works=works,
        )

        failing_device.additional_properties = d
        return failing_device

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
