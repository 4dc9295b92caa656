from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetRetentionRule")


@_attrs_define
class SetRetentionRule:
    """
    Attributes:
        kind (str):
        counted_from (str | Unset):
        max_age_days (int | None | Unset):
        reset (bool | Unset):
    """

    kind: str
    counted_from: str | Unset = UNSET
    max_age_days: int | None | Unset = UNSET
    reset: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        counted_from = self.counted_from

        max_age_days: int | None | Unset
        if isinstance(self.max_age_days, Unset):
            max_age_days = UNSET
        else:
            max_age_days = self.max_age_days

        reset = self.reset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
            }
        )
        if counted_from is not UNSET:
            field_dict["counted_from"] = counted_from
        if max_age_days is not UNSET:
            field_dict["max_age_days"] = max_age_days
        if reset is not UNSET:
            field_dict["reset"] = reset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        counted_from = d.pop("counted_from", UNSET)

        def _parse_max_age_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_age_days = _parse_max_age_days(d.pop("max_age_days", UNSET))

        reset = d.pop("reset", UNSET)

        set_retention_rule = cls(
            kind=kind,
            counted_from=counted_from,
            max_age_days=max_age_days,
            reset=reset,
        )

        set_retention_rule.additional_properties = d
        return set_retention_rule

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
