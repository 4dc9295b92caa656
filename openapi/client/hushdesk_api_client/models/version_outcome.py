from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VersionOutcome")


@_attrs_define
class VersionOutcome:
    """Outcomes of one device on one Tails version.

    Attributes:
        fails (int):
        outcome (str): `works`, `fails` or `partial`: the latest supporter mark if any, else from the reports.
        partial (int):
        version (str):
        works (int): Reports (and marks) saying it works / fails / works with a workaround.
        marked (None | str | Unset): The latest supporter mark on this version, if any.
    """

    fails: int
    outcome: str
    partial: int
    version: str
    works: int
    marked: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fails = self.fails

        outcome = self.outcome

        partial = self.partial

        version = self.version

        works = self.works

        marked: None | str | Unset
        if isinstance(self.marked, Unset):
            marked = UNSET
        else:
            marked = self.marked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fails": fails,
                "outcome": outcome,
                "partial": partial,
                "version": version,
                "works": works,
            }
        )
        if marked is not UNSET:
            field_dict["marked"] = marked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fails = d.pop("fails")

        outcome = d.pop("outcome")

        partial = d.pop("partial")

        version = d.pop("version")

        works = d.pop("works")

        def _parse_marked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        marked = _parse_marked(d.pop("marked", UNSET))

        version_outcome = cls(
            fails=fails,
            outcome=outcome,
            partial=partial,
            version=version,
            works=works,
            marked=marked,
        )

        version_outcome.additional_properties = d
        return version_outcome

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
