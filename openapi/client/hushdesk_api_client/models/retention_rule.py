from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetentionRule")


@_attrs_define
class RetentionRule:
    """How long one kind of data lives in a queue.

    Attributes:
        kind (str): `requester_identity`, `bodies` (message bodies and attachments), `whisperback_logs`,
            `hardware_facts` or `metadata` (everything but queue, status, type and dates).
        counted_from (str | Unset): `resolution` (inactive tickets, from their resolution) or `last_activity`.
        max_age_days (int | None | Unset): Days after the reference time; `null` keeps the data forever.
        source (None | str | Unset): Where the rule comes from: `api`, `config` or `default` (ignored on input).
    """

    kind: str
    counted_from: str | Unset = UNSET
    max_age_days: int | None | Unset = UNSET
    source: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        counted_from = self.counted_from

        max_age_days: int | None | Unset
        if isinstance(self.max_age_days, Unset):
            max_age_days = UNSET
        else:
            max_age_days = self.max_age_days

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

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
        if source is not UNSET:
            field_dict["source"] = source

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

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        retention_rule = cls(
            kind=kind,
            counted_from=counted_from,
            max_age_days=max_age_days,
            source=source,
        )

        retention_rule.additional_properties = d
        return retention_rule

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
